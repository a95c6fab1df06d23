import Vapor
import Fluent

/// `lianxin webhook add|list|disable`: outbound webhooks for SMS gateways and other systems.
struct WebhookCommands: AsyncCommandGroup {
    var help: String { "Manages outbound webhooks (signed with HMAC-SHA256, retried with backoff)." }
    var commands: [String: any AnyAsyncCommand] { ["add": Add(), "list": List(), "disable": Disable()] }

    struct Add: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "url", help: "https address that receives POSTs (http only to a loopback host outside production).") var url: String?
            @Option(name: "secret", help: "Shared secret for the X-Lianxin-Signature header (at least 16 characters).") var secret: String?
            @Option(name: "events", help: "Comma-separated event kinds (e.g. workOrder.dispatched,sla.breach) or * (default).") var events: String?
        }

        var help: String { "Subscribes an address to events." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            guard let url = signature.url else { throw CommandFailure("--url is required") }
            if let refusal = await WebhookTarget(app).refusal(url) {
                throw CommandFailure(app.lianxin.localizer.text(refusal.key, .en) + " / " + app.lianxin.localizer.text(refusal.key, .zhCN))
            }
            guard let secret = signature.secret, secret.count >= 16 else { throw CommandFailure("--secret must have at least 16 characters") }
            let subscription = WebhookSubscription()
            let subscriptionID = UUID()
            subscription.id = subscriptionID
            subscription.url = url
            subscription.secretCipher = try app.lianxin.cipher.seal(secret, for: .webhookSecret, row: subscriptionID)
            subscription.events = signature.events ?? "*"
            subscription.active = true
            subscription.createdAt = app.lianxin.now()
            try await app.db.transaction { db in
                try await subscription.create(on: db)
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: .commandLine, target: "webhook:\(url)",
                    detail: "events=\(subscription.events)", at: app.lianxin.now(), on: db)
            }
            context.console.print("webhook \(try subscription.requireID()) → \(url) (\(subscription.events))")
        }
    }

    struct List: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "Lists webhooks with their pending and failed deliveries." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            for subscription in try await WebhookSubscription.query(on: app.db).all() {
                let id = try subscription.requireID()
                let pending = try await WebhookDelivery.query(on: app.db).filter(\.$subscriptionID == id)
                    .filter(\.$deliveredAt == nil).filter(\.$failedAt == nil).count()
                let failed = try await WebhookDelivery.query(on: app.db).filter(\.$subscriptionID == id).filter(\.$failedAt != nil).count()
                context.console.print(
                    "\(id) \(subscription.active ? "active" : "disabled") \(subscription.url) events=\(subscription.events) pending=\(pending) failed=\(failed)"
                )
            }
        }
    }

    struct Disable: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "id", help: "The webhook's id.") var id: String
        }
        var help: String { "Stops sending to a webhook." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            guard let id = UUID(uuidString: signature.id), let subscription = try await WebhookSubscription.find(id, on: app.db) else {
                throw CommandFailure("no webhook \(signature.id)")
            }
            subscription.active = false
            try await subscription.update(on: app.db)
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: .commandLine, target: "webhook:\(subscription.url)",
                detail: "disabled", at: app.lianxin.now(), on: app.db)
            context.console.print("disabled \(id)")
        }
    }
}
