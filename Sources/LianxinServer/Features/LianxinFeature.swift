import Vapor
import Fluent

/// An area of the product that brings its own tables, routes and API description. The composition
/// root registers every feature listed in `LianxinFeatures.all`; each feature keeps its code in its folder.
protocol LianxinFeature: Sendable {
    /// Its migrations, in the order they were written (append only).
    static var migrations: [any Migration] { get }
    /// Registers its controllers.
    static func routes(_ app: Application) throws
    /// Its operations for /openapi.json.
    static var openAPIPaths: [(String, JSONValue)] { get }
    /// Its schemas for /openapi.json.
    static var openAPISchemas: [(String, JSONValue)] { get }
}

enum LianxinFeatures {
    /// Every feature, in registration order.
    static let all: [any LianxinFeature.Type] = [
        WorkbenchFeature.self,
        DashboardsFeature.self,
        CommunityServicesFeature.self,
        EngagementFeature.self,
    ]

    static var migrations: [any Migration] { all.flatMap { $0.migrations } }
    static var openAPIPaths: [(String, JSONValue)] { all.flatMap { $0.openAPIPaths } }
    static var openAPISchemas: [(String, JSONValue)] { all.flatMap { $0.openAPISchemas } }

    static func routes(_ app: Application) throws {
        for feature in all { try feature.routes(app) }
    }
}
