import Foundation
import Fluent
import SQLKit
import LianxinCore

/// Each order keeps the instant after which it is overdue (`DueStatus`), so 督办, the order list, the queue and
/// the home pages compare it with the time of the request and agree with the dashboard: the `overdue` flag only
/// turned true when the SLA sweep ran, so a page read between breach and sweep said otherwise. Open orders are
/// filled in from their stored clocks, in batches.
struct AddWorkOrderOverdueAfter: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WorkOrder.schema).field("overdue_after", .datetime).update()
        let sql = database.sql
        try await sql.raw(
            """
            CREATE INDEX work_orders_overdue_after ON \(ident: WorkOrder.schema) (overdue_after, division_code)
            WHERE overdue_after IS NOT NULL
            """
        ).run()
        // A migration has no settings: the default rest-day rule; an order's next step recomputes it with the deployment's.
        let calendar = try await ReferenceData.loadCalendar(on: database, restDayReceipt: .nextWorkingDay)
        let open = WorkOrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
        var after: UUID?
        while true {
            var query = WorkOrder.query(on: database).filter(\.$status ~~ open).sort(\.$id).limit(500)
            if let after { query = query.filter(\.$id > after) }
            let rows = try await query.allOrders()
            guard let last = rows.last else { break }
            for row in rows {
                let clocks = try WorkOrderService.decodeClocks(row)
                let state = try WorkOrderService.decodeState(row)
                let value = DueStatus.overdueAfter(of: clocks.clocks, at: state.updatedAt, in: calendar, status: state.status)
                try await sql.update(WorkOrder.schema).set("overdue_after", to: value).where("id", .equal, row.id).run()
            }
            after = last.id
        }
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "work_orders_overdue_after").run()
        try await database.schema(WorkOrder.schema).deleteField("overdue_after").update()
    }
}
