import Vapor
import LianxinCore

/// The People operations and schemas of /openapi.json.
enum PeopleOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/residents",
            [
                "get": operation(
                    "Residents in your scope by name (a grid member: the grids they serve); ID number and phone masked", tag: "registry",
                    parameters: pageParameters + [
                        query("name", text, "part of the name"), query("tag", text, "tag code or Chinese label"),
                        query("building", text, "building id, or part of its name"), query("household", uuid, "household id"),
                        query("grid", text, "grid code"), query("idNumber", text, "exact ID number (blind index)"),
                        query("phone", text, "exact phone number (blind index)"),
                    ],
                    ok: (200, page(of: "Resident")), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/residents/{id}",
            [
                "get": operation(
                    "One resident (404 outside your scope)", tag: "registry", parameters: [path("id", uuid)],
                    ok: (200, ref("Resident")), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/residents/{id}/unmask",
            [
                "post": operation(
                    "Show the full ID number and phone, with a reason (audited)", tag: "registry",
                    parameters: [path("id", uuid)],
                    body: object([("reason", ["type": "string", "minLength": 2, "maxLength": 200])], required: ["reason"]),
                    ok: (200, object([("idNumber", text), ("phone", nullable("string"))], required: ["idNumber"])), errors: [400, 401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/residents/import",
            [
                "post": .object([
                    ("summary", "Import residents from CSV (all or nothing; every problem listed with its line, the first 200)"),
                    ("tags", ["registry"]),
                    ("requestBody", ["required": true, "content": ["text/csv": ["schema": ["type": "string"]]]]),
                    (
                        "responses",
                        .object(
                            [
                                (
                                    "200",
                                    [
                                        "description": "OK",
                                        "content": json(object([("residents", integer), ("households", integer), ("buildings", integer)])),
                                    ]
                                )
                            ]
                                + errors([401, 403, 413, 422]))
                    ),
                ])
            ]
        ),
        (
            "/api/v1/residents/exports",
            [
                "post": .object([
                    (
                        "summary",
                        "Residents of the filters as CSV (UTF-8 with BOM): masked, or full numbers with the personal-data export permission; a reason always; capped; audited"
                    ),
                    ("tags", ["registry"]),
                    (
                        "parameters",
                        [
                            query("name", text, "part of the name"), query("tag", text, "tag code or Chinese label"),
                            query("building", text, "building id or name"), query("grid", text, "grid code"),
                        ]
                    ),
                    (
                        "requestBody",
                        [
                            "required": true,
                            "content": json(
                                object(
                                    [("unmasked", ["type": "boolean"]), ("reason", ["type": "string", "minLength": 2, "maxLength": 200])],
                                    required: ["reason"])),
                        ]
                    ),
                    (
                        "responses",
                        .object(
                            [("200", ["description": "OK", "content": ["text/csv": ["schema": ["type": "string"]]]])] + errors([400, 401, 403, 422]))
                    ),
                ])
            ]
        ),
        (
            "/api/v1/households",
            [
                "get": operation(
                    "Households in your scope by address", tag: "registry",
                    parameters: pageParameters + [
                        query("grid", text, "grid code"), query("building", uuid, "building id"), query("tag", text, "household tag"),
                    ],
                    ok: (200, page(of: "Household")), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/households/{id}",
            [
                "get": operation(
                    "One household with its members, the head first (404 outside your scope)", tag: "registry",
                    parameters: [path("id", uuid)], ok: (200, ref("Household")), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/buildings",
            [
                "get": operation(
                    "Buildings in your scope by name", tag: "registry",
                    parameters: pageParameters + [query("grid", text, "grid code"), query("name", text, "part of the name")],
                    ok: (200, page(of: "Building")), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/resident-tags",
            [
                "get": operation(
                    "The resident tag catalogue", tag: "registry",
                    ok: (200, ["type": "array", "items": ref("ResidentTag")]), errors: [401, 403])
            ]
        ),
        (
            "/api/v1/resident-tags/{code}",
            [
                "put": operation(
                    "Add or change a tag (inactive tags stay on records but are refused by imports)", tag: "registry",
                    parameters: [path("code")],
                    body: object([("chineseLabel", text), ("englishLabel", text), ("active", boolean)], required: ["chineseLabel", "englishLabel"]),
                    ok: (200, ref("ResidentTag")), errors: [400, 401, 403, 422])
            ]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "Resident",
            object(
                [
                    ("id", uuid), ("householdId", uuid), ("buildingId", uuid), ("buildingName", text), ("door", text), ("gridCode", text),
                    ("communityCode", text), ("name", text), ("gender", enumeration(["male", "female"])),
                    ("idNumber", string("masked: first 6 and last 4 characters")), ("phone", nullable("string")),
                    ("relation", enumeration(HouseholdRelation.allCases.map(\.rawValue))), ("tags", ["type": "array", "items": text]),
                    ("registrationDivision", nullable("string")), ("residenceType", enumeration(["permanent", "floating"])),
                    ("createdAt", dateTime), ("updatedAt", dateTime),
                ],
                required: [
                    "id", "householdId", "buildingId", "gridCode", "communityCode", "name", "gender", "idNumber", "relation", "tags",
                    "residenceType",
                ])
        ),
        (
            "Household",
            object(
                [
                    ("id", uuid), ("buildingId", uuid), ("buildingName", text), ("door", text), ("address", text), ("gridCode", text),
                    ("communityCode", text), ("headResidentId", nullable("string", format: "uuid")), ("tags", ["type": "array", "items": text]),
                    ("members", ["type": "array", "items": ref("Resident")]),
                ],
                required: ["id", "buildingId", "door", "address", "gridCode", "communityCode", "tags"])
        ),
        (
            "Building",
            object(
                [
                    ("id", uuid), ("gridCode", text), ("communityCode", text), ("name", text),
                    ("kind", enumeration(["residential", "mixed", "commercial", "bungalow", "other"])),
                ], required: ["id", "gridCode", "communityCode", "name", "kind"])
        ),
        (
            "ResidentTag",
            object(
                [("code", text), ("chineseLabel", text), ("englishLabel", text), ("active", boolean)],
                required: ["code", "chineseLabel", "englishLabel", "active"])
        ),
    ]
}
