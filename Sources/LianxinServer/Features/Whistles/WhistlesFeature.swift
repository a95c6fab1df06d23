import Vapor

/// 吹哨报到: a community blows a whistle, summoned departments report on site, 一哨一评.
enum WhistlesFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: WhistlesController())
        try app.register(collection: WhistlePagesController())
    }

    static let openAPIPaths: [(String, JSONValue)] = []
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
