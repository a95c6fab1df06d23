import Vapor
import LianxinCore

/// The community-services operations and schemas of /openapi.json.
enum CommunityServicesOpenAPI {
    typealias Doc = OpenAPIDocument
    static let tag = "community-services"
    static let write = [400, 401, 403, 404, 409, 422]
    static let read = [400, 401, 403, 404, 422]
    static let optionalUUID = Doc.nullable("string", format: "uuid")
    static let optionalTime = Doc.nullable("string", format: "date-time")
    static let optionalText = Doc.nullable("string")
    static func array(_ item: JSONValue) -> JSONValue { ["type": "array", "items": item] }
    static let community = Doc.query("community", Doc.text, "a community (or any division) code to narrow the list to")

    static func op(
        _ summary: String, parameters: [JSONValue] = [], body: JSONValue? = nil, ok: (Int, JSONValue?),
        errors: [Int], secured: Bool = true
    ) -> JSONValue {
        Doc.operation(summary, tag: tag, parameters: parameters, body: body, ok: ok, errors: errors, secured: secured)
    }

    static var paths: [(String, JSONValue)] { pathsServiceMenu + pathsVolunteerRankings }

    static var schemas: [(String, JSONValue)] { schemaList }
}
