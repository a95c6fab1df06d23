import Vapor
import LianxinCore

/// The OpenAPI 3.1 description of /api/v1, served at /openapi.json. Written next to the routes it
/// describes; the test suite checks that every documented path answers and every API route is documented.
enum OpenAPIDocument: OpenAPIVocabulary {
    static let document: JSONValue = [
        "openapi": "3.1.0",
        "info": [
            "title": "Lianxin API", "version": "1",
            "description":
                "Grassroots governance: 接诉即办 work orders, 吹哨报到, divisions, accounts and the audit log. Errors are RFC 9457 problem details naming the field.",
        ],
        "servers": [["url": "/"]],
        "security": [["bearerAuth": []], ["sessionCookie": []]],
        "paths": .object(paths + LianxinFeatures.openAPIPaths),
        "components": [
            "securitySchemes": [
                "bearerAuth": ["type": "http", "scheme": "bearer"],
                "sessionCookie": ["type": "apiKey", "in": "cookie", "name": "lianxin_session"],
            ], "schemas": .object(schemas + LianxinFeatures.openAPISchemas),
        ],
    ]

    static let paths: [(String, JSONValue)] = [
        ("/healthz", ["get": operation("Liveness", tag: "operations", ok: (200, nil), errors: [], secured: false)]),
        (
            "/readyz",
            ["get": operation("Readiness: database reachable and migrated", tag: "operations", ok: (200, nil), errors: [503], secured: false)]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "Problem",
            object(
                [
                    ("type", text), ("title", text), ("status", integer), ("detail", text), ("instance", text), ("requestId", text),
                    ("errors", ["type": "array", "items": object([("field", text), ("message", text)], required: ["field", "message"])]),
                ],
                required: ["type", "title", "status", "detail"])
        )
    ]

    /// The document as served.
    static func response(for req: Request) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(document)
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: data))
    }
}
