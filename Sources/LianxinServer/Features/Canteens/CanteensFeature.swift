import Vapor

/// 幸福食堂 (#24, 萍乡): village and community canteens where older people eat for a small price (8 yuan a meal, free
/// from 90), diners with their ID numbers sealed, meals served at the county's listed price with the subsidy owed,
/// and the share of villages covered.
enum CanteensFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: CanteenController())
        try app.register(collection: CanteenPagesController())
    }

    static let openAPIPaths = CanteenOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
