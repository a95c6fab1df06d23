import Vapor

/// Talent sharing (#23, 人才共享): organisations, five talent pools, profiles with consent and a record of
/// who looked, demands reviewed by the centre, matching with reasons, agreements in six modes with their
/// lifecycle and evaluations, the talent map, and a public phone page.
enum TalentFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: TalentController())
        try app.register(collection: TalentPagesController())
        try app.register(collection: TalentPublicController())
    }

    static let openAPIPaths = TalentOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
