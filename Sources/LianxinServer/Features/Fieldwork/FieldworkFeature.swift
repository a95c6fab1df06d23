import Vapor

/// Field work without signal (issue 21): the outbox endpoint that takes steps done offline exactly once, with the
/// time they were done, and names conflicts; the installable field app (`/field/app`) whose outbox sends to it.
enum FieldworkFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: OutboxController())
        try app.register(collection: FieldAppController())
        try app.register(collection: PatrolsController())
    }

    static let openAPIPaths = FieldworkOpenAPI.paths + PatrolsOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
