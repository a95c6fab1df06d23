import Vapor

/// The rules the work runs on: categories, handling units, routing rules, SLA policies and the working-day calendar.
enum RulesFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: RulesController())
        try app.register(collection: AdminPagesController(geoJSONBytes: app.lianxin.settings.exposure.importGeoJSONBytes))
    }

    static let openAPIPaths = RulesOpenAPI.paths
    static let openAPISchemas = RulesOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
