import Vapor
import Fluent

/// The feature for red-tent service events, 屋场贴心会 meetings, mediation and petitions.
enum EngagementFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: ServiceEventsController())
        try app.register(collection: MeetingsController())
        try app.register(collection: MediationController())
        try app.register(collection: PetitionsController())
        try app.register(collection: EngagementPagesController())
    }

    static var openAPIPaths: [(String, JSONValue)] { EngagementOpenAPI.paths }

    static var openAPISchemas: [(String, JSONValue)] { EngagementOpenAPI.schemas }

    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
