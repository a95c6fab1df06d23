import Vapor
import Fluent
import Crypto
import LianxinCore

/// Writes outbox rows for events and delivers them with retries and exponential backoff.
enum WebhookDispatcher {
    /// How many attempts before a delivery is given up (about a day of retries).
    static let maximumAttempts = 12

    /// Queues one delivery per interested subscriber, inside the caller's transaction.
    static func enqueue(_ events: [(kind: String, payload: some Encodable)], on db: any Database, now: Date) async throws {
        guard !events.isEmpty else { return }
        let subscriptions = try await WebhookSubscription.query(on: db).filter(\.$active == true).all()
        guard !subscriptions.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        var deliveries: [WebhookDelivery] = []
        for (kind, payload) in events {
            let body = String(decoding: try encoder.encode(payload), as: UTF8.self)
            for subscription in subscriptions where subscription.wants(kind) {
                let delivery = WebhookDelivery()
                delivery.subscriptionID = try subscription.requireID()
                delivery.eventKind = kind
                delivery.payload = body
                delivery.attempts = 0
                delivery.nextAttemptAt = now
                delivery.createdAt = now
                deliveries.append(delivery)
            }
        }
        if !deliveries.isEmpty { try await deliveries.create(on: db) }
    }

    /// The delay before attempt `attempts + 1`: 30 s doubling, at most 6 hours.
    static func backoff(afterAttempts attempts: Int) -> TimeInterval {
        min(30 * pow(2, Double(max(0, attempts - 1))), 6 * 3600)
    }

    /// The signature header value: HMAC-SHA256 over "timestamp.body" with the subscriber's secret.
    static func signature(secret: String, timestamp: String, body: Data) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(timestamp.utf8) + Data(".".utf8) + body,
            using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + Data(mac).hexString
    }

    /// Delivers what is due: claims rows with a 5-minute lease (so another instance skips them),
    /// sends outside any transaction, then records the outcome. Returns how many were delivered.
    @discardableResult
    static func deliverDue(_ app: Application, sender: any WebhookSender, batch: Int = 50) async throws -> Int {
        let now = app.lianxin.now()
        let claimed = try await app.lianxin.writes.run {
            try await WebhookQueries.claimDue(at: now, lease: 300, limit: batch, on: app.db)
        }
        guard !claimed.isEmpty else { return 0 }
        let subscriptions = try await WebhookQueries.subscriptions(Set(claimed.map(\.subscriptionID)), on: app.db)
        var delivered = 0
        for row in claimed {
            guard let subscription = subscriptions[row.subscriptionID] else { continue }
            let body = Data(row.payload.utf8)
            let timestamp = String(Int(now.timeIntervalSince1970))
            var failure: String?
            do {
                let secret = try app.lianxin.cipher.open(subscription.secretCipher, for: .webhookSecret, row: try subscription.requireID())
                let status = try await sender.send(
                    url: subscription.url,
                    headers: [
                        ("Content-Type", "application/json"), ("X-Lianxin-Event", row.eventKind),
                        ("X-Lianxin-Delivery", try row.requireID().uuidString), ("X-Lianxin-Timestamp", timestamp),
                        ("X-Lianxin-Signature", signature(secret: secret, timestamp: timestamp, body: body)),
                    ], body: body)
                if !(200..<300).contains(status) { failure = "HTTP \(status)" }
            } catch {
                failure = String(String(describing: error).prefix(500))
            }
            row.attempts += 1
            if let failure {
                row.lastError = failure
                if row.attempts >= maximumAttempts {
                    row.failedAt = now
                } else {
                    row.nextAttemptAt = now.addingTimeInterval(backoff(afterAttempts: row.attempts))
                }
            } else {
                row.deliveredAt = now
                row.lastError = nil
                delivered += 1
            }
            app.lianxin.metrics.increment("lianxin_webhook_attempts_total", labels: [("result", failure == nil ? "success" : "failure")])
            try await app.lianxin.writes.run { try await row.update(on: app.db) }
        }
        return delivered
    }
}
