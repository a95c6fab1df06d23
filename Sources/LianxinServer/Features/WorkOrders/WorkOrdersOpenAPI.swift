import Vapor
import LianxinCore

/// The WorkOrders operations and schemas of /openapi.json.
enum WorkOrdersOpenAPI: OpenAPIVocabulary {
    static var paths: [(String, JSONValue)] { pathsWorkOrders + pathsReturnReasons }

    static var schemas: [(String, JSONValue)] { schemaList + [("ReturnReason", returnReason)] }

    static let returnReason = object(
        [("id", uuid), ("name", text), ("needsNote", boolean), ("active", boolean), ("position", integer)],
        required: ["id", "name", "needsNote", "active", "position"])

    static let returnReasonBody = object([
        ("name", ["type": "string", "minLength": 2, "maxLength": 60]), ("needsNote", boolean), ("active", boolean),
    ])

    /// 退单原因: the county's list a unit picks from when it returns an order.
    static let pathsReturnReasons: [(String, JSONValue)] = [
        (
            "/api/v1/return-reasons",
            [
                "get": operation(
                    "The reasons a unit may give when it returns an order (退单原因), in the county's order",
                    tag: "work orders", parameters: [query("all", enumeration(["true", "false"]), "include retired reasons")],
                    ok: (200, ["type": "array", "items": ref("ReturnReason")]), errors: [401]),
                "post": operation(
                    "Add a return reason (rules administrator; audited)", tag: "work orders", body: returnReasonBody,
                    ok: (201, ref("ReturnReason")), errors: [400, 401, 403, 422]),
            ]
        ),
        (
            "/api/v1/return-reasons/{id}",
            [
                "patch": operation(
                    "Rename a return reason, or retire it (active false) or use it again (rules administrator; audited)",
                    tag: "work orders", parameters: [path("id", uuid)], body: returnReasonBody, ok: (200, ref("ReturnReason")),
                    errors: [400, 401, 403, 404, 422])
            ]
        ),
    ]
}
