import Vapor
import LianxinCore

/// The handling units' operations and schemas of /openapi.json.
enum UnitsOpenAPI: OpenAPIVocabulary {
    static var unitBody: JSONValue {
        object([
            ("code", ["type": "string", "minLength": 1, "maxLength": 32, "description": "letters, digits, . _ -; unique; fixed once created"]),
            ("name", ["type": "string", "minLength": 1, "maxLength": 100]), ("shortName", ["type": "string", "maxLength": 30]),
            ("divisionCode", string("a known division in your scope, below the province")),
            ("level", enumeration(UnitLevel.allCases.map(\.rawValue))),
            ("parentCode", string("the parent unit's code, in the unit's division or above it on its line; blank for none")),
            (
                "liaisons",
                [
                    "type": "array", "maxItems": 10,
                    "items": object(
                        [
                            ("id", uuid), ("name", ["type": "string", "minLength": 1, "maxLength": 50]),
                            ("phone", string("blank keeps the phone of liaison id")),
                        ]),
                ]
            ),
            ("dutyPhone", text), ("categoryCodes", ["type": "array", "items": text]),
            ("activeFrom", ["type": "string", "format": "date"]), ("activeTo", ["type": "string", "format": "date"]),
        ])
    }

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/departments",
            [
                "get": operation(
                    "Handling units on your line of the division tree, by code (active by default)", tag: "reference",
                    parameters: pageParameters + [
                        query("division", text, "only units in this division's subtree"),
                        query("level", enumeration(UnitLevel.allCases.map(\.rawValue)), "city, county, township or community"),
                        query("parent", text, "only the sub-units of this unit code"), query("q", text, "in the code or name"),
                        query("active", enumeration(["true", "false", "all"]), "default true"),
                    ], ok: (200, page(of: "Department")), errors: [401, 422]),
                "post": operation(
                    "Create a handling unit in your division (system administrator; audited)", tag: "units", body: unitBody,
                    ok: (201, ref("Department")), errors: [400, 401, 403, 422]),
            ]
        ),
        (
            "/api/v1/departments/{id}",
            [
                "get": operation(
                    "One handling unit, liaison phones masked (404 off your line)", tag: "reference", parameters: [path("id", uuid)],
                    ok: (200, ref("Department")), errors: [401, 404]),
                "patch": operation(
                    "Edit a unit of your division: the fields given change, a blank text clears (the code stays; audited)", tag: "units",
                    parameters: [path("id", uuid)], body: unitBody, ok: (200, ref("Department")), errors: [400, 401, 403, 404, 422]),
            ]
        ),
        (
            "/api/v1/departments/{id}/move",
            [
                "post": operation(
                    "Move a unit under another parent or into another division (its sub-units must stay below it; audited)", tag: "units",
                    parameters: [path("id", uuid)], body: object([("parentCode", text), ("divisionCode", text)]),
                    ok: (200, ref("Department")), errors: [400, 401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/departments/{id}/disable",
            [
                "post": operation(
                    "Disable a unit. Orders waiting on it (dispatched, signed, on site, in progress, returned, reopened) need reassignTo: "
                        + "a unit that may serve each of them; the system redispatches them (改派) and then disables the unit. "
                        + "Without it: 409 with the count. Audited.",
                    tag: "units", parameters: [path("id", uuid)], body: object([("reassignTo", string("the code of the unit taking the orders"))]),
                    ok: (200, object([("unit", ref("Department")), ("redispatched", ["type": "integer"])])), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "Department",
            object([
                ("id", uuid), ("code", text), ("name", text), ("shortName", nullable("string")), ("divisionCode", text),
                ("level", enumeration(UnitLevel.allCases.map(\.rawValue))), ("parentId", nullable("string", format: "uuid")),
                ("parentCode", nullable("string")),
                ("liaisons", ["type": "array", "items": object([("id", uuid), ("name", text), ("phone", string("masked"))])]),
                ("dutyPhone", nullable("string")), ("categoryCodes", ["type": "array", "items": text]),
                ("activeFrom", nullable("string", format: "date")), ("activeTo", nullable("string", format: "date")), ("active", ["type": "boolean"]),
            ])
        )
    ]
}
