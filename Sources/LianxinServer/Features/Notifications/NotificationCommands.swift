import Fluent
import LianxinCore
import Vapor

/// `lianxin notifications test|status|deliver`: test messages to check a provider, the outbox's counts,
/// and one delivery pass by hand.
struct NotificationCommands: AsyncCommandGroup {
    var help: String { "The notification outbox: test messages, counts, delivery." }
    var commands: [String: any AnyAsyncCommand] { ["test": Test(), "status": Status(), "deliver": Deliver()] }

    struct Test: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "phone", help: "The mobile number to send to (with --count, the first of consecutive numbers).") var phone: String?
            @Option(name: "count", help: "How many messages (1–100000, default 1).") var count: Int?
        }

        var help: String { "Queues test SMS messages through the configured provider (all in one transaction)." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            guard let phone = signature.phone, phone.count == 11, let first = Int(phone), phone.hasPrefix("1") else {
                throw CommandFailure("--phone must be an 11-digit mobile number")
            }
            let count = signature.count ?? 1
            guard (1...100_000).contains(count) else { throw CommandFailure("--count must be 1–100000") }
            let now = app.lianxin.now()
            let batch = UUID().uuidString
            let text = app.lianxin.localizer.text("notify_template_test", .zhCN)
            var built: [OutboxMessage] = []
            for index in 0..<count {
                let row = OutboxMessage()
                let id = UUID()
                let number = String(first + index)
                row.id = id
                row.dedupeKey = "test|\(batch)|\(index)"
                row.event = NotificationEvent.signReminder.rawValue
                row.channel = NotificationChannel.sms.rawValue
                row.audience = "test"
                row.recipientKind = "phone"
                row.recipient = ""
                row.recipientKey = "phone:" + app.lianxin.cipher.blindIndex(number)
                row.phoneCipher = try app.lianxin.cipher.seal(number, for: .outboxPhone, row: id)
                row.parameters = #"{"number":"TEST","title":"test"}"#
                row.text = text
                row.status = "pending"
                row.attempts = 0
                row.nextAttemptAt = now
                row.createdAt = now
                built.append(row)
            }
            let rows = built
            try await app.lianxin.writes.run {
                try await app.db.transaction { db in
                    for chunk in rows.chunked(500) { try await chunk.create(on: db) }
                    try await AuditLog.record(
                        .settingsChanged, result: .success, actor: .commandLine, target: "notifications:test", detail: "count=\(count)", at: now,
                        on: db)
                }
            }
            context.console.print("queued \(count) test message(s) in batch \(batch)")
        }
    }

    struct Status: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "Counts the outbox's messages by status." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let counts = try await NotificationQueries.statusCounts(on: app.db)
            context.console.print(["pending", "sent", "failed", "skipped"].map { "\($0)=\(counts[$0] ?? 0)" }.joined(separator: " "))
        }
    }

    struct Deliver: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "Delivers what is due now (the job `serve` runs every 2 seconds)." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            context.console.print("sent \(try await NotificationDelivery.drain(app, channels: .live(app)))")
        }
    }
}
