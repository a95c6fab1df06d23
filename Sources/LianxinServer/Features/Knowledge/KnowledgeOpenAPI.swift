import Vapor
import LianxinCore

/// The knowledge base's operations and schemas of /openapi.json.
enum KnowledgeOpenAPI: OpenAPIVocabulary {
    static var entryBody: JSONValue {
        object([
            ("question", ["type": "string", "minLength": 2, "maxLength": 300]),
            ("answer", ["type": "string", "minLength": 2, "maxLength": 4000, "description": "the answer or 答复口径 operators read out"]),
            ("keywords", string("other words callers use, comma-separated (up to 300 characters)")),
            ("categoryCode", string("an active category; blank for none")),
            ("divisionCodes", ["type": "array", "items": text, "description": "divisions in your scope it applies in; empty: your own"]),
            ("departmentCode", string("the responsible unit (a unit's own staff always write for their unit)")),
            ("validFrom", ["type": "string", "format": "date"]), ("validTo", ["type": "string", "format": "date"]),
            ("note", string("what changed, for the version history")),
        ])
    }

    static func decision(_ summary: String, errors codes: [Int]) -> JSONValue {
        operation(
            summary, tag: "knowledge", parameters: [path("id", uuid)], body: object([("reason", text)]),
            ok: (200, ref("KnowledgeEntry")), errors: codes)
    }

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/knowledge",
            [
                "get": operation(
                    "With q: the published entries valid today that apply on your line and best answer a typed or spoken "
                        + "question, best first with scores (FTS5 trigram on SQLite, pg_trgm on PostgreSQL, the same ranking). "
                        + "Without q: the entries you may read, newest change first.",
                    tag: "knowledge",
                    parameters: [
                        query("q", text, "the question as typed or spoken, up to 200 characters"),
                        query("category", text, "only entries of this category code"),
                        query("status", enumeration(KnowledgeStatus.allCases.map(\.rawValue)), "without q: only this status"),
                        query("limit", ["type": "integer", "minimum": 1, "maximum": 100], "default 10"),
                    ], ok: (200, ["type": "array", "items": ref("KnowledgeEntry")]), errors: [401, 403, 422]),
                "post": operation(
                    "Write a new entry (a draft, version 1; audited)", tag: "knowledge", body: entryBody,
                    ok: (201, ref("KnowledgeEntry")), errors: [400, 401, 403, 422]),
            ]
        ),
        (
            "/api/v1/knowledge/{id}",
            [
                "get": operation(
                    "One entry with every version (404 when it does not apply to you or is not yours to see)", tag: "knowledge",
                    parameters: [path("id", uuid)], ok: (200, ref("KnowledgeEntry")), errors: [401, 403, 404]),
                "patch": operation(
                    "A new version of the entry; a published, expired or withdrawn entry returns to draft for approval (audited)",
                    tag: "knowledge", parameters: [path("id", uuid)], body: entryBody, ok: (200, ref("KnowledgeEntry")),
                    errors: [400, 401, 403, 404, 409, 422]),
            ]
        ),
        ("/api/v1/knowledge/{id}/submit", ["post": decision("Submit a draft for the hotline centre's approval", errors: [401, 403, 404, 409])]),
        (
            "/api/v1/knowledge/{id}/approve",
            ["post": decision("Approve a pending entry (the hotline centre; not its own writer): published", errors: [401, 403, 404, 409])]
        ),
        ("/api/v1/knowledge/{id}/reject", ["post": decision("Send a pending entry back to draft with a reason", errors: [401, 403, 404, 409, 422])]),
        ("/api/v1/knowledge/{id}/withdraw", ["post": decision("Take an entry out of use, with a reason", errors: [401, 403, 404, 409, 422])]),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "KnowledgeEntry",
            object([
                ("id", uuid), ("status", enumeration(KnowledgeStatus.allCases.map(\.rawValue))), ("version", ["type": "integer"]),
                ("question", text), ("answer", text), ("keywords", text), ("categoryCode", nullable("string")),
                ("divisionCodes", ["type": "array", "items": text]), ("departmentId", nullable("string", format: "uuid")),
                ("validFrom", nullable("string", format: "date")), ("validTo", nullable("string", format: "date")),
                ("answeredCount", ["type": "integer"]), ("decisionNote", nullable("string")),
                ("updatedAt", ["type": "string", "format": "date-time"]), ("score", nullable("number")),
                (
                    "versions",
                    [
                        "type": "array",
                        "items": object([
                            ("version", ["type": "integer"]), ("question", text), ("answer", text), ("keywords", text),
                            ("categoryCode", nullable("string")), ("divisionCodes", ["type": "array", "items": text]),
                            ("validFrom", nullable("string", format: "date")), ("validTo", nullable("string", format: "date")),
                            ("editedBy", text), ("editedAt", ["type": "string", "format": "date-time"]), ("note", nullable("string")),
                        ]),
                    ]
                ),
            ])
        )
    ]
}
