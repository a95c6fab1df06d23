import Vapor
import LianxinCore

/// The Divisions operations and schemas of /openapi.json.
enum DivisionsOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/divisions",
            [
                "get": operation(
                    "Children of a division in your scope", tag: "divisions",
                    parameters: pageParameters + [query("parent", text, "parent division code (default: your own division)")],
                    ok: (200, page(of: "Division")), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/divisions/{code}",
            ["get": operation("One division", tag: "divisions", parameters: [path("code")], ok: (200, ref("Division")), errors: [401, 403, 404])]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "Division",
            object(
                [
                    ("code", text), ("name", text), ("level", enumeration(DivisionLevel.allCases.map(\.rawValue))),
                    ("parentCode", nullable("string")),
                    ("validFrom", nullable("string", format: "date-time")), ("validTo", nullable("string", format: "date-time")),
                ], required: ["code", "name", "level"])
        )
    ]
}
