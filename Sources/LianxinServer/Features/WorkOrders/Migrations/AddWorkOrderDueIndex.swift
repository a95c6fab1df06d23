import Fluent
import SQLKit

/// 督办 lists open orders by deadline: those overdue now and those due within hours. Only orders with a
/// running clock have a deadline, so a partial index over them in (overdue, deadline) order lets both engines
/// read the most urgent first instead of sorting every overdue order ever filed.
struct AddWorkOrderDueIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw(
            """
            CREATE INDEX work_orders_due ON \(ident: WorkOrder.schema) (overdue, next_due_at, division_code, status)
            WHERE next_due_at IS NOT NULL
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.drop(index: "work_orders_due").run()
    }
}
