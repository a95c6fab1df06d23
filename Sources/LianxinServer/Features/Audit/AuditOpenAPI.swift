import Vapor
import LianxinCore

/// The Audit operations and schemas of /openapi.json.
enum AuditOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/audit-entries",
            [
                "get": operation(
                    "The audit log, newest first (auditors)", tag: "audit",
                    parameters: pageParameters + [
                        query("action", text, "action"), query("result", enumeration(["success", "failure", "denied"]), "result"),
                        query("actor", text, "user name"),
                    ],
                    ok: (200, page(of: "AuditEntry")), errors: [401, 403, 422])
            ]
        )
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "AuditEntry",
            object(
                [
                    ("id", uuid), ("at", dateTime), ("action", text), ("result", text), ("actorName", text), ("actorRole", nullable("string")),
                    ("divisionCode", nullable("string")), ("recordDivision", nullable("string")), ("target", nullable("string")),
                    ("ip", nullable("string")),
                    ("requestId", nullable("string")),
                    ("detail", nullable("string")),
                ], required: ["id", "at", "action", "result", "actorName"])
        )
    ]
}
