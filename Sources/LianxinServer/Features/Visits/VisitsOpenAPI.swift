import Vapor
import LianxinCore

/// The Visits operations and schemas of /openapi.json.
enum VisitsOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/visits/due",
            [
                "get": operation(
                    "Households in your scope whose visit is due by today, most urgent first (visit rules as data)", tag: "residents",
                    parameters: [query("grid", text, "only this grid")],
                    ok: (
                        200,
                        [
                            "type": "array",
                            "items": object([
                                ("householdId", uuid), ("address", text), ("gridCode", text), ("tags", ["type": "array", "items": text]),
                                ("lastVisitAt", nullable("string", format: "date-time")), ("dueOn", text), ("daysOverdue", integer),
                                ("because", nullable("string")),
                            ]),
                        ]
                    ), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/visits",
            [
                "get": operation(
                    "Visits in your scope, newest first", tag: "residents",
                    parameters: [query("household", uuid, "one household"), query("grid", text, "one grid")],
                    ok: (200, ["type": "array", "items": ref("Visit")]), errors: [401, 403, 422]),
                "post": operation(
                    "Record a visit; each finding is handled on the spot (selfHandled, with result) or filed as a gridPatrol work order (workOrder, with categoryCode); "
                        + "with an Idempotency-Key (a phone's outbox) it is recorded once and the same key answers 200 with the same visit",
                    tag: "residents",
                    body: object(
                        [
                            ("householdId", uuid), ("visitedAt", dateTime), ("latitude", number), ("longitude", number), ("note", text),
                            (
                                "findings",
                                [
                                    "type": "array",
                                    "items": object([
                                        ("description", text), ("outcome", enumeration(["selfHandled", "workOrder"])),
                                        ("result", text), ("categoryCode", text),
                                    ]),
                                ]
                            ),
                            ("photoIds", ["type": "array", "items": uuid]),
                        ], required: ["householdId"]),
                    ok: (201, ref("Visit")), errors: [401, 403, 404, 422]),
            ]
        ),
        (
            "/api/v1/visits/photos",
            [
                "post": .object([
                    ("summary", "Upload a visit photo for a household in your scope (then cite it in photoIds when recording the visit)"),
                    ("tags", ["residents"]),
                    ("parameters", [query("household", uuid, "the household visited")]),
                    (
                        "requestBody",
                        [
                            "required": true,
                            "content": [
                                "image/jpeg": ["schema": ["type": "string", "format": "binary"]],
                                "image/png": ["schema": ["type": "string", "format": "binary"]],
                                "multipart/form-data": ["schema": object([("file", ["type": "string", "format": "binary"])], required: ["file"])],
                            ],
                        ]
                    ),
                    (
                        "responses",
                        .object(
                            [
                                (
                                    "201",
                                    [
                                        "description": "Created",
                                        "content": json(
                                            object([
                                                ("id", uuid), ("contentType", text), ("byteSize", integer),
                                                ("sha256", text), ("url", text),
                                            ])),
                                    ]
                                )
                            ]
                                + errors([401, 403, 404, 413, 415, 422]))
                    ),
                ])
            ]
        ),
        (
            "/api/v1/visits/photos/{id}",
            [
                "get": .object([
                    ("summary", "A visit photo's bytes"), ("tags", ["residents"]), ("parameters", [path("id", uuid)]),
                    (
                        "responses",
                        .object(
                            [("200", ["description": "The photo", "content": ["image/*": ["schema": ["type": "string", "format": "binary"]]]])]
                                + errors([401, 403, 404]))
                    ),
                ])
            ]
        ),
        (
            "/api/v1/visit-coverage",
            [
                "get": operation(
                    "Visit coverage per grid or community: households visited within their cadence ÷ households a rule applies to",
                    tag: "residents", parameters: [query("by", enumeration(["grid", "community"]), "unit of the rows")],
                    ok: (
                        200,
                        object([
                            ("formula", text), ("by", text),
                            (
                                "rows",
                                [
                                    "type": "array",
                                    "items": object([
                                        ("code", text), ("households", integer),
                                        ("householdsWithRules", integer), ("visitedAsDue", integer), ("overdue", integer),
                                        ("coverage", nullable("number")),
                                    ]),
                                ]
                            ),
                        ])
                    ),
                    errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/visit-rules",
            [
                "get": operation(
                    "Visit rules: tag (or * for every household) → cadence", tag: "residents",
                    ok: (200, ["type": "array", "items": object([("tag", text), ("cadence", text)])]), errors: [401, 403])
            ]
        ),
        (
            "/api/v1/visit-rules/{tag}",
            [
                "put": operation(
                    "Set a tag's cadence: daily, weekly, monthly, every:N or onChange (audited)", tag: "residents",
                    parameters: [path("tag")], body: object([("cadence", text)], required: ["cadence"]),
                    ok: (200, object([("tag", text), ("cadence", text)])), errors: [401, 403, 404, 422])
            ]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "Visit",
            object(
                [
                    ("id", uuid), ("householdId", uuid), ("gridCode", text), ("visitor", text), ("visitedAt", dateTime),
                    ("latitude", nullable("number")), ("longitude", nullable("number")), ("note", text),
                    (
                        "findings",
                        [
                            "type": "array",
                            "items": object([
                                ("description", text), ("outcome", text), ("result", nullable("string")),
                                ("orderId", nullable("string", format: "uuid")), ("orderNumber", nullable("string")),
                            ]),
                        ]
                    ),
                    ("photoIds", ["type": "array", "items": uuid]),
                ],
                required: ["id", "householdId", "gridCode", "visitor", "visitedAt", "note", "findings", "photoIds"])
        )
    ]
}
