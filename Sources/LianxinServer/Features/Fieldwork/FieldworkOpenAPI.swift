import LianxinCore
import Vapor

/// The offline outbox operation of /openapi.json.
enum FieldworkOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/outbox",
            [
                "post": operation(
                    "Send a step done on a phone without signal (sign, arrive, progress note, complete…): applied exactly once under "
                        + "its idempotency key, counted from when it was done (at most 72 hours back, never before the order's last "
                        + "step); a step the order no longer allows comes back as a conflict with what to do",
                    tag: "fieldwork",
                    body: object(
                        [("key", text), ("orderId", uuid), ("doneAt", dateTime), ("step", ref("Transition"))],
                        required: ["key", "orderId", "doneAt", "step"]),
                    ok: (
                        200,
                        object([
                            ("key", text), ("outcome", enumeration(["applied", "conflict"])), ("orderId", uuid), ("doneAt", dateTime),
                            ("receivedAt", dateTime), ("eventSequence", integer),
                            ("conflict", enumeration(["finished", "reassigned", "changed"])), ("message", text),
                        ])
                    ), errors: [400, 401, 403, 404, 422])
            ]
        )
    ]
}
