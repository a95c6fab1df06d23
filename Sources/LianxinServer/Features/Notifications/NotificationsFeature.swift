import Vapor

/// The notification outbox (#20): SMS, group robots, the inbox and webhooks as channels of one outbox,
/// the rules of who gets what, and the automated revisit.
enum NotificationsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: RevisitPagesController())
        try app.register(collection: RevisitsController())
        try app.register(collection: NotificationRulesPagesController())
    }

    static let openAPIPaths: [(String, JSONValue)] = NotificationsOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = [
        LianxinJob("notifications.deliver", every: .seconds(2)) { app in
            try await NotificationDelivery.drain(app, channels: .live(app))
        },
        LianxinJob("notifications.revisits", every: .seconds(600)) { app in
            try await RevisitService.sweep(app)
        },
    ]
    static var commands: FeatureCommands { FeatureCommands(commands: ["notifications": NotificationCommands()]) }
}
