import Vapor

/// Work lists: each role's home page (its work, nearest deadline first, and its unread messages) and the in-app
/// inbox (`/inbox`) where notifications of whistles, returns, reminders, supervision and extensions arrive.
enum WorklistsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: HomeController())
        try app.register(collection: InboxPagesController())
    }

    static let openAPIPaths: [(String, JSONValue)] = []
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
