import Vapor

/// 吹哨报到: a community blows a whistle, summoned departments report on site, 一哨一评.
enum WhistlesFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: WhistlesController())
        try app.register(collection: WhistlePagesController())
    }

    static let openAPIPaths = WhistlesOpenAPI.paths
    static let openAPISchemas = WhistlesOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
