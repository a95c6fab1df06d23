import Vapor
import LianxinCore

/// The readiness check in /openapi.json.
enum SetupOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/readiness",
            [
                "get": operation(
                    "What still blocks dispatching in your division (system administrator), each with the page that fixes it",
                    tag: "units", ok: (200, ref("Readiness")), errors: [401, 403])
            ]
        )
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "Readiness",
            object([
                ("ready", ["type": "boolean"]),
                (
                    "findings",
                    [
                        "type": "array",
                        "items": object([
                            ("check", enumeration(Readiness.Check.allCases.map(\.rawValue))),
                            ("severity", enumeration(["blocker", "warning"])), ("subject", text), ("message", text), ("link", text),
                            ("linkLabel", text),
                        ]),
                    ]
                ),
            ])
        )
    ]
}
