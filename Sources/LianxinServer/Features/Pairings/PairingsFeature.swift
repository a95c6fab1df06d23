import Vapor

/// Pairings (党员联户, 干部包片): who looks after which households and grid clusters.
enum PairingsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: PairingsController())
    }

    static let openAPIPaths = PairingsOpenAPI.paths
    static let openAPISchemas = PairingsOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
