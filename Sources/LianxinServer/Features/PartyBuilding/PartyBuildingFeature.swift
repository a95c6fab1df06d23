import Vapor

/// Party building (#24, 党建引领): the party-member points system (党员积分制) — branches and members, posts they
/// claim, rules and schemes as data, a ledger of entries with evidence approved by the branch secretary, yearly
/// star ratings and rankings per branch, and a county overview.
enum PartyBuildingFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: PartyController())
        try app.register(collection: PartyPagesController())
    }

    static let openAPIPaths = PartyOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
