import Vapor
import LianxinCore

/// The Whistles operations and schemas of /openapi.json.
enum WhistlesOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/whistles",
            [
                "get": operation(
                    "Whistles in your scope", tag: "whistles", ok: (200, ["type": "array", "items": ref("Whistle")]), errors: [401, 403]),
                "post": operation(
                    "Blow a whistle (吹哨)", tag: "whistles",
                    body: object(
                        [
                            ("title", text), ("description", text), ("requiredArrivalAt", dateTime),
                            ("departmentIds", ["type": "array", "items": uuid]), ("orderId", uuid), ("divisionCode", text),
                        ], required: ["title", "requiredArrivalAt", "departmentIds"]),
                    ok: (201, ref("Whistle")), errors: [400, 401, 403, 422]),
            ]
        ),
        (
            "/api/v1/whistles/{id}",
            ["get": operation("One whistle", tag: "whistles", parameters: [path("id", uuid)], ok: (200, ref("Whistle")), errors: [401, 403, 404])]
        ),
        (
            "/api/v1/whistles/{id}/report",
            [
                "post": operation(
                    "报到: your department is on site", tag: "whistles", parameters: [path("id", uuid)],
                    body: object([("note", text)]), ok: (200, ref("Whistle")), errors: [400, 401, 403, 404, 409])
            ]
        ),
        (
            "/api/v1/whistles/{id}/work",
            [
                "post": operation(
                    "Your department's part of the work", tag: "whistles", parameters: [path("id", uuid)],
                    body: object([("note", text)], required: ["note"]), ok: (200, ref("Whistle")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/whistles/{id}/evaluations",
            [
                "post": operation(
                    "一哨一评: mark a department 1–5", tag: "whistles", parameters: [path("id", uuid)],
                    body: object(
                        [
                            ("departmentId", uuid), ("evaluator", enumeration(["blower", "requester"])),
                            ("handling", ["type": "integer", "minimum": 1, "maximum": 5]),
                            ("satisfaction", ["type": "integer", "minimum": 1, "maximum": 5]),
                        ], required: ["departmentId", "handling", "satisfaction"]),
                    ok: (200, ref("Whistle")), errors: [400, 401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/whistles/{id}/close",
            [
                "post": operation(
                    "Close with the result", tag: "whistles", parameters: [path("id", uuid)],
                    body: object([("result", text)], required: ["result"]), ok: (200, ref("Whistle")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/whistle-scores",
            [
                "get": operation(
                    "Average 一哨一评 score per department for a month", tag: "whistles",
                    parameters: [
                        ["name": "month", "in": "query", "required": true, "schema": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"]]
                    ],
                    ok: (200, ["type": "array", "items": ref("DepartmentScore")]), errors: [401, 403, 422])
            ]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "Whistle",
            object([
                ("id", uuid), ("title", text), ("description", text), ("divisionCode", text), ("orderId", nullable("string", format: "uuid")),
                ("requiredArrivalAt", dateTime), ("status", enumeration(["open", "closed"])), ("result", nullable("string")), ("blownAt", dateTime),
                ("closedAt", nullable("string", format: "date-time")), ("scoringFormula", text),
                (
                    "departments",
                    [
                        "type": "array",
                        "items": object([
                            ("departmentId", uuid), ("departmentName", text),
                            ("reportedAt", nullable("string", format: "date-time")), ("onTime", nullable("boolean")),
                            ("workNote", nullable("string")),
                            ("score", nullable("number")),
                        ]),
                    ]
                ),
            ])
        ),
        (
            "DepartmentScore",
            object([
                ("departmentId", uuid), ("departmentName", text), ("whistles", integer), ("scored", integer),
                ("averageScore", nullable("number")), ("onTimeReports", integer),
            ])
        ),
    ]
}
