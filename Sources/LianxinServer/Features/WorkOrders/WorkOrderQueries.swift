import Foundation
import Fluent
import SQLKit
import LianxinCore

/// The work orders' hand-written SQL: what Fluent's query builder cannot say (a conditional update,
/// an atomic counter, a locking claim). Tested directly in WorkOrderQueriesTests.
enum WorkOrderQueries {
    /// Updates the row only if nobody else has since (optimistic concurrency on `version`).
    static func saveIfUnchanged(_ row: WorkOrder, expectedVersion: Int, on db: any Database) async throws -> Bool {
        let rows = try await db.sql.update(WorkOrder.schema)
            .set("status", to: row.status).set("tier", to: row.tier).set("priority", to: row.priority)
            .set("handling_level", to: row.handlingLevel).set("department_id", to: row.departmentID)
            .set("assignee_id", to: row.assigneeID).set("parent_id", to: row.parentID)
            .set("supervision_level", to: row.supervisionLevel).set("state", to: row.state).set("clocks", to: row.clocks)
            .set("next_due_at", to: row.nextDueAt).set("overdue", to: row.overdue).set("overdue_after", to: row.overdueAfter).set(
                "version", to: row.version
            )
            .set("updated_at", to: row.updatedAt)
            .where("id", .equal, row.id).where("version", .equal, expectedVersion)
            .returning("id")
            .all()
        return rows.count == 1
    }

    /// Moves the day's order-number counter by `count` in one atomic upsert and returns its new
    /// value (the last of the `count` numbers reserved): unique under concurrency on both engines.
    static func reserveNumbers(_ count: Int, day: String, on db: any Database) async throws -> Int {
        let row = try await db.sql.raw(
            """
            INSERT INTO work_order_sequences (day, last_value) VALUES (\(bind: day), \(bind: count))
            ON CONFLICT (day) DO UPDATE SET last_value = work_order_sequences.last_value + \(bind: count)
            RETURNING last_value
            """
        ).first()
        return try row?.decode(column: "last_value", as: Int.self) ?? count
    }

    /// The ids of unfired alerts due by `now`, earliest first, at most `batch`. On PostgreSQL the rows
    /// are locked for the caller's transaction and rows another instance holds are skipped, so two
    /// instances never fire the same alert.
    static func claimDueAlerts(now: Date, batch: Int, on db: any Database) async throws -> [UUID] {
        let lock = db.isSQLite ? "" : " FOR UPDATE SKIP LOCKED"
        return try await db.sql.raw(
            """
            SELECT id FROM sla_alerts WHERE fired_at IS NULL AND due_at <= \(bind: now)
            ORDER BY due_at LIMIT \(unsafeRaw: String(batch))\(unsafeRaw: lock)
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
    }
}
