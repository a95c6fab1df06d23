import Vapor
import Fluent

enum CommunityServicesFeature: LianxinFeature {
    static let migrations: [any Migration] = []
    static func routes(_ app: Application) throws {}
    static let openAPIPaths: [(String, JSONValue)] = []
    static let openAPISchemas: [(String, JSONValue)] = []
}
