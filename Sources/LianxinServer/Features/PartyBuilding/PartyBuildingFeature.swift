import Vapor

/// Party building (#24, 党建引领): the party-member points system (党员积分制) — branches and members, posts they
/// claim, rules and schemes as data, a ledger of entries with evidence approved by the branch secretary, yearly
/// star ratings and rankings per branch, a county overview, and household points (以评弘德) on the community points ledger, spent at its merchants.
enum PartyBuildingFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: PartyController())
        try app.register(collection: PartyPagesController())
        try app.register(collection: HouseholdConductController())
        try app.register(collection: HouseholdConductPagesController())
    }

    static let openAPIPaths = PartyOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
