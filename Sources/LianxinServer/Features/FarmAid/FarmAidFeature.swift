import Vapor

/// 农耕地互助 (#24, 玉山县皇珠村): households' fields recorded field by field with who lacks hands, mutual-aid teams of
/// neighbours, work requests at the busy seasons taken on by a team, and the days each household gives and receives
/// (换工).
enum FarmAidFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: FarmAidController())
        try app.register(collection: FarmAidPagesController())
    }

    static let openAPIPaths = FarmAidOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
