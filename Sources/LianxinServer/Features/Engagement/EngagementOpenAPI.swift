import Vapor
import LianxinCore

/// The engagement operations and schemas of /openapi.json.
enum EngagementOpenAPI {
    typealias D = OpenAPIDocument

    static let day: JSONValue = ["type": "string", "format": "date"]
    static let optionalText = D.nullable("string")
    static let optionalUUID = D.nullable("string", format: "uuid")
    static let id = D.path("id", D.uuid)
    static func list(_ name: String) -> JSONValue { ["type": "array", "items": D.ref(name)] }
    static let texts: JSONValue = ["type": "array", "items": D.text]

    static var paths: [(String, JSONValue)] { pathsServiceEvents + pathsMediationRates }

    static let tally = D.object(
        [("collected", D.integer), ("solvedOnSite", D.integer), ("becameOrders", D.integer)],
        required: ["collected", "solvedOnSite", "becameOrders"])

    static var schemas: [(String, JSONValue)] { schemaList }
}
