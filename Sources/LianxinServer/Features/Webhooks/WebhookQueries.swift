import Fluent
import SQLKit
import Foundation

/// The webhook area's queries: claiming due deliveries and reading their subscriptions.
enum WebhookQueries {
    /// Claims up to `limit` deliveries due by `now` (neither delivered nor failed), oldest due first,
    /// by moving their next attempt `lease` seconds on, in one transaction; on PostgreSQL the rows are
    /// read `FOR UPDATE SKIP LOCKED`, so another instance claiming at the same time takes other rows.
    static func claimDue(at now: Date, lease: TimeInterval, limit: Int, on db: any Database) async throws -> [WebhookDelivery] {
        try await db.transaction { db in
            let lock = db.isSQLite ? "" : " FOR UPDATE SKIP LOCKED"
            let ids = try await db.sql.raw(
                """
                SELECT id FROM webhook_deliveries WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= \(bind: now)
                ORDER BY next_attempt_at LIMIT \(unsafeRaw: String(limit))\(unsafeRaw: lock)
                """
            ).all().map { try $0.decode(column: "id", as: UUID.self) }
            guard !ids.isEmpty else { return [] }
            let rows = try await WebhookDelivery.query(on: db).filter(\.$id ~~ ids).all()
            for row in rows {
                row.nextAttemptAt = now.addingTimeInterval(lease)
                try await row.update(on: db)
            }
            return rows
        }
    }

    /// The subscriptions with the given ids, by id.
    static func subscriptions(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: WebhookSubscription] {
        guard !ids.isEmpty else { return [:] }
        return try await WebhookSubscription.query(on: db).filter(\.$id ~~ ids).all()
            .reduce(into: [:]) { byID, row in if let id = row.id { byID[id] = row } }
    }
}
