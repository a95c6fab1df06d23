import Vapor

/// Household visits (走访) by grid members: what is due, the visit form, coverage.
enum VisitsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: VisitsController(maxUploadBytes: app.lianxin.settings.maxUploadBytes))
    }

    static let openAPIPaths = VisitsOpenAPI.paths
    static let openAPISchemas = VisitsOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
