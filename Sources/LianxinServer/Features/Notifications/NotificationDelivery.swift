import Fluent
import Foundation
import LianxinCore
import Vapor

/// Delivers what is due from the outbox (the `notifications.deliver` job): claims rows with a lease,
/// reads the phone from its own row (decrypted only now, never logged), holds SMS in quiet hours and
/// over the per-recipient rate, sends through the channel outside any transaction and records the
/// outcome of each message at once, so a crash repeats at most the message in flight — and that one
/// carries the same message id, which providers and gateways use to send it once.
enum NotificationDelivery {
    /// The lease left when a message is still sent: more than a send may take (5 s to connect, 10 s to answer).
    static let margin: TimeInterval = 20

    /// One pass over at most `batch` due messages; returns how many were sent.
    @discardableResult
    static func deliverDue(_ app: Application, channels: NotificationChannels, batch: Int = 50) async throws -> Int {
        try await pass(app, channels: channels, batch: batch).sent
    }

    /// Passes until nothing is due or `rounds` passes are done; returns how many were sent.
    @discardableResult
    static func drain(_ app: Application, channels: NotificationChannels, rounds: Int = 20) async throws -> Int {
        var sent = 0
        for _ in 0..<rounds {
            let result = try await pass(app, channels: channels, batch: 50)
            sent += result.sent
            if result.claimed == 0 { break }
        }
        return sent
    }

    private static func pass(_ app: Application, channels: NotificationChannels, batch: Int) async throws -> (claimed: Int, sent: Int) {
        let context = app.lianxin
        let lease = TimeInterval(context.settings.notifications.leaseSeconds)
        let claimedAt = context.now()
        let claimed = try await context.writes.run {
            try await NotificationQueries.claimDue(at: claimedAt, lease: lease, limit: batch, on: app.db)
        }
        var sent = 0
        for row in claimed {
            // Past the lease another instance may claim the rest: leave them to it.
            guard context.now().timeIntervalSince(claimedAt) < lease - margin else { break }
            if try await deliver(row, app: app, channels: channels) { sent += 1 }
        }
        return (claimed.count, sent)
    }

    private static func deliver(_ row: OutboxMessage, app: Application, channels: NotificationChannels) async throws -> Bool {
        let context = app.lianxin
        let now = context.now()
        guard let event = NotificationEvent(rawValue: row.event), let channel = NotificationChannel(rawValue: row.channel) else {
            return try await finish(row, status: "skipped", error: "unknown event or channel", app: app)
        }
        let parameters = (try? JSONDecoder().decode([String: String].self, from: Data(row.parameters.utf8))) ?? [:]
        var phone: String?
        if channel == .sms {
            guard let found = try await NotificationRecipients.phone(of: row, context: context, on: app.db) else {
                return try await finish(row, status: "skipped", error: "no phone or opted out", app: app)
            }
            phone = found
        }
        let recent = channel == .sms ? try await NotificationQueries.sentWithinHour(to: row.recipientKey, now: now, on: app.db) : []
        if case .wait(let until, let reason) = context.settings.notifications.policy.decide(
            now: now, channelIsSMS: channel == .sms, sentToRecipientWithinHour: recent)
        {
            row.nextAttemptAt = until
            row.lastError = reason.rawValue
            try await context.writes.run { try await row.update(on: app.db) }
            return false
        }
        let message = OutboundMessage(id: try row.requireID(), event: event, text: row.text, parameters: parameters, phone: phone)
        do {
            let reference: String?
            switch channel {
            case .sms: reference = try await send(message, by: channels.sms)
            case .wecomRobot: reference = try await send(message, by: channels.wecom)
            case .dingtalkRobot: reference = try await send(message, by: channels.dingtalk)
            case .inbox:
                reference = try await context.writes.run { try await InboxChannel(database: app.db, now: context.now).deliver(message, row: row) }
            case .webhook:
                reference = try await context.writes.run { try await WebhookChannel(database: app.db, now: context.now).deliver(message, row: row) }
            }
            row.providerReference = reference
            row.attempts += 1
            row.sentAt = now
            context.metrics.increment("lianxin_notifications_total", labels: [("channel", channel.rawValue), ("result", "sent")])
            return try await finish(row, status: "sent", error: nil, app: app)
        } catch let failure as ChannelFailure where failure.reason == ChannelsMissing.reason {
            return try await finish(row, status: "skipped", error: failure.reason, app: app)
        } catch {
            let failure = error as? ChannelFailure ?? ChannelFailure("network: \(type(of: error))")
            row.attempts += 1
            context.metrics.increment("lianxin_notifications_total", labels: [("channel", channel.rawValue), ("result", "failure")])
            app.logger.warning(
                "notification not delivered",
                metadata: ["message": .string(message.id.uuidString), "channel": .string(channel.rawValue), "error": .string(failure.reason)])
            if failure.permanent || row.attempts >= context.settings.notifications.policy.maximumAttempts {
                return try await finish(row, status: "failed", error: failure.reason, app: app)
            }
            row.nextAttemptAt = now.addingTimeInterval(DeliveryPolicy.backoff(afterAttempts: row.attempts))
            return try await finish(row, status: "pending", error: failure.reason, app: app)
        }
    }

    private enum ChannelsMissing { static let reason = "channel not configured" }

    private static func send(_ message: OutboundMessage, by adapter: (any NotificationChannelAdapter)?) async throws -> String? {
        guard let adapter else { throw ChannelFailure(ChannelsMissing.reason, permanent: true) }
        return try await adapter.deliver(message)
    }

    private static func finish(_ row: OutboxMessage, status: String, error: String?, app: Application) async throws -> Bool {
        row.status = status
        row.lastError = error
        try await app.lianxin.writes.run { try await row.update(on: app.db) }
        return status == "sent"
    }
}
