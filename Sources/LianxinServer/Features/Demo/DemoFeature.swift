import Vapor

/// The demo city (上饶市): seeds every area with believable data for trying Lianxin out.
enum DemoFeature: LianxinFeature {
    /// No routes: the demo city is seeded by `lianxin demo` or `serve --demo`.
    static func routes(_ app: Application) throws {}

    static let openAPIPaths: [(String, JSONValue)] = []
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { FeatureCommands(commands: ["demo": DemoCommand()]) }
}
