import Vapor
import LianxinCore

/// The WorkOrders operations and schemas of /openapi.json.
enum WorkOrdersOpenAPI: OpenAPIVocabulary {
    static var paths: [(String, JSONValue)] { pathsWorkOrders }

    static var schemas: [(String, JSONValue)] { schemaList }
}
