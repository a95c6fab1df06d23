import Vapor
import Fluent
import LianxinCore

/// The feature for dashboards and assessment (三率, rankings, rollups, reports, exports).
enum DashboardsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: DashboardAPIController())
        try app.register(collection: DashboardPagesController())
    }

    static let openAPIPaths = DashboardsOpenAPI.paths
    static let openAPISchemas = DashboardsOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { FeatureCommands(commands: ["rollups": RollupsCommand()]) }
}
