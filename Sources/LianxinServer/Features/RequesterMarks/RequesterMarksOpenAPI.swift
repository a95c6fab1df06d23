import LianxinCore
import Vapor

/// The requester-mark operations of /openapi.json.
enum RequesterMarksOpenAPI: OpenAPIVocabulary {
    static var list: (JSONValue) -> JSONValue { { ["type": "array", "items": $0] } }
    static var mark: JSONValue {
        object(
            [
                ("id", uuid), ("kind", enumeration(RequesterMarkKind.allCases.map(\.rawValue))), ("kindLabel", text), ("reason", text),
                ("status", enumeration(RequesterMarkStatus.allCases.map(\.rawValue))), ("statusLabel", text), ("orderId", uuid),
                ("orderNumber", text), ("days", integer), ("proposedBy", text), ("proposedAt", text), ("decidedBy", text),
                ("decidedAt", text), ("decisionNote", text), ("expiresAt", text), ("expiresOn", text),
            ], required: ["id", "kind", "reason", "status", "orderId", "days"])
    }

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/work-orders/{id}/requester-marks",
            [
                "post": operation(
                    "Propose a mark on the requester of an order in scope (恶意诉求, 无理诉求, 频繁来电 or 特殊关爱) with what happened and how many days it should last (1–365, default 180); the centre decides",
                    tag: "requester-marks", parameters: [path("id", uuid)],
                    body: object(
                        [("kind", enumeration(RequesterMarkKind.allCases.map(\.rawValue))), ("reason", text), ("days", text)],
                        required: ["kind", "reason"]), ok: (201, mark), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/requester-marks",
            [
                "get": operation(
                    "The marks in the caller's division waiting for the centre, and those in force", tag: "requester-marks",
                    ok: (200, object([("pending", list(mark)), ("inForce", list(mark))])), errors: [401, 403])
            ]
        ),
        (
            "/api/v1/requester-marks/check",
            [
                "get": operation(
                    "The marks in force on a phone number the desk has typed (audited when one is found)", tag: "requester-marks",
                    parameters: [query("phone", text, "the caller's number")], ok: (200, list(mark)), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/requester-marks/{id}/decision",
            [
                "post": operation(
                    "The centre approves or refuses a proposed mark, or withdraws one in force (a note is needed to refuse or withdraw; never one's own proposal)",
                    tag: "requester-marks", parameters: [path("id", uuid)],
                    body: object(
                        [("action", enumeration(RequesterMarkAction.allCases.map(\.rawValue))), ("note", text)], required: ["action"]),
                    ok: (200, mark), errors: [401, 403, 404, 409, 422])
            ]
        ),
    ]
}
