import Vapor

/// Outbound webhooks: work-order events delivered to other systems, signed and retried.
enum WebhooksFeature: LianxinFeature {
    /// No routes: webhooks are managed with `lianxin webhook`.
    static func routes(_ app: Application) throws {}

    static let openAPIPaths: [(String, JSONValue)] = []
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = [
        LianxinJob("webhooks.deliver", every: .seconds(5)) { app in
            try await WebhookDispatcher.deliverDue(app, sender: HTTPWebhookSender(client: app.client))
        }
    ]
    static var commands: FeatureCommands { FeatureCommands(commands: ["webhook": WebhookCommands()]) }
}
