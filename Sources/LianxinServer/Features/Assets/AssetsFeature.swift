import Vapor

/// City assets (部件, issue 21): the registry with GB/T 30428.2 classes, the all-or-nothing import of CSV or GeoJSON,
/// the map layer, each asset's page with its history, and reports naming an asset routed to its owner unit.
enum AssetsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: AssetsController())
        try app.register(collection: AssetPagesController())
    }

    static let openAPIPaths = AssetsOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
