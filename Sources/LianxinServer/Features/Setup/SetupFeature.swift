import Vapor

/// A county's first day (#17): `lianxin setup`, the first-run page and the readiness check.
enum SetupFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: ReadinessController())
        try app.register(collection: SetupPagesController())
    }

    static var openAPIPaths: [(String, JSONValue)] { SetupOpenAPI.paths }
    static var openAPISchemas: [(String, JSONValue)] { SetupOpenAPI.schemas }
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { FeatureCommands(commands: ["setup": SetupCommand()]) }
}
