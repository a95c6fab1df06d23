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
        ),
        (
            "/api/v1/field/pack",
            [
                "get": operation(
                    "What the field app keeps on the phone for when there is no signal: a grid member's visits due (their grid) and "
                        + "the orders of a handler's unit that wait for a step, with the steps the phone offers and up to four photos each",
                    tag: "fieldwork",
                    ok: (
                        200,
                        object([
                            ("madeAt", text), ("canVisit", boolean),
                            (
                                "visits",
                                ["type": "array", "items": object([("householdId", uuid), ("address", text), ("tags", text), ("dueOn", text)])]
                            ),
                            (
                                "orders",
                                [
                                    "type": "array",
                                    "items": object([("id", uuid), ("number", text), ("title", text), ("actions", ["type": "array", "items": text])]),
                                ]
                            ),
                        ])
                    ), errors: [401, 403])
            ]
        ),
    ]
}
