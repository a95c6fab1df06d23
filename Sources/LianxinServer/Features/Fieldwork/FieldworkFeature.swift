import Vapor

/// Field work without signal (issue 21): the outbox endpoint that takes steps done offline exactly once, with the
/// time they were done, and names conflicts.
enum FieldworkFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: OutboxController())
    }

    static let openAPIPaths = FieldworkOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
