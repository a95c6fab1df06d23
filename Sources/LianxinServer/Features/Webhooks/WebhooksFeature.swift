import Vapor

/// Outbound webhooks: work-order events delivered to other systems, signed and retried.
enum WebhooksFeature: LianxinFeature {
    /// No routes: webhooks are added with `lianxin webhook` and their secrets rotated on the security pages.
    /// The webhooks' own HTTP client is set up here.
    static func routes(_ app: Application) throws { WebhookHTTPClient.install(in: app) }

    static let openAPIPaths: [(String, JSONValue)] = []
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = [
        LianxinJob("webhooks.deliver", every: .seconds(5)) { app in
            try await WebhookDispatcher.deliverDue(app, sender: HTTPWebhookSender(app))
        }
    ]
    static var commands: FeatureCommands { FeatureCommands(commands: ["webhook": WebhookCommands()]) }
}
