import Fluent
import SQLKit

/// The counters behind the hotline's indicators (issue 19): orders answered directly (直接办结), direct answers from
/// the knowledge base (知识库命中), orders a unit handed back (回退) and repeat calls (重复诉求), on the rollup rows and
/// their summary.
/// `CreateDashboardTables` leaves them out (`RollupStore.columnsAddedLater`), so new and old databases both get them
/// here. An old database reads zero for orders handled before the upgrade until `lianxin rollups rebuild` replays
/// their histories, which README's upgrade notes ask for.
struct AddHotlineIndicatorCounters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        for table in [RollupStore.rowsTable, RollupSummaryStore.table] {
            for column in RollupStore.hotlineIndicatorColumns where try await !AddRollupExemptedCounter.hasColumn(column, in: table, on: sql) {
                try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN \(ident: column) BIGINT NOT NULL DEFAULT 0").run()
            }
        }
    }

    func revert(on database: any Database) async throws {}
}
