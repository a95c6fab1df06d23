import Fluent
import Foundation
import SQLKit

/// The outbox's queries: claiming due messages with a lease, and a recipient's recent sends.
enum NotificationQueries {
    /// Claims up to `limit` pending messages due by `now`, oldest first, by moving their next attempt
    /// `lease` seconds on in one transaction; on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so another
    /// instance claiming at the same time takes other rows, and a claimer killed mid-way only delays
    /// its rows by the lease.
    static func claimDue(at now: Date, lease: TimeInterval, limit: Int, on db: any Database) async throws -> [OutboxMessage] {
        try await db.transaction { db in
            let lock = db.isSQLite ? "" : " FOR UPDATE SKIP LOCKED"
            let ids = try await db.sql.raw(
                """
                SELECT id FROM notification_outbox WHERE status = 'pending' AND next_attempt_at <= \(bind: now)
                ORDER BY next_attempt_at LIMIT \(unsafeRaw: String(limit))\(unsafeRaw: lock)
                """
            ).all().map { try $0.decode(column: "id", as: UUID.self) }
            guard !ids.isEmpty else { return [] }
            try await OutboxMessage.query(on: db).filter(\.$id ~~ ids).set(\.$nextAttemptAt, to: now.addingTimeInterval(lease)).update()
            return try await OutboxMessage.query(on: db).filter(\.$id ~~ ids).sort(\.$createdAt).all()
        }
    }

    /// When the recipient's messages of the last hour went out.
    static func sentWithinHour(to key: String, now: Date, on db: any Database) async throws -> [Date] {
        try await OutboxMessage.query(on: db).filter(\.$recipientKey == key).filter(\.$status == "sent")
            .filter(\.$sentAt >= now.addingTimeInterval(-3600)).all().compactMap(\.sentAt)
    }

    /// Counts of messages per status (for `lianxin notifications status` and the rules page).
    static func statusCounts(on db: any Database) async throws -> [String: Int] {
        try await db.sql.raw("SELECT status, COUNT(*) AS n FROM notification_outbox GROUP BY status").all()
            .reduce(into: [:]) { counts, row in counts[try row.decode(column: "status", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
    }
}
