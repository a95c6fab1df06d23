import Fluent
import SQLKit

/// The on-site check before closing (核查, issue 21): the per-category setting on `categories`, and the counters
/// indicators read on the rollup rows and their summary — orders verified, orders that failed a check, and the
/// `verify` stage's clock counts. `CreateDashboardTables` leaves these out (`RollupStore.columnsAddedLater`), so
/// new and old databases both get them here, zero everywhere (no order was checked before).
struct AddOrderVerification: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Category.schema).field("requires_verification", .bool).update()
        let sql = database.sql
        for table in [RollupStore.rowsTable, RollupSummaryStore.table] {
            for column in RollupStore.verificationColumns where try await !AddRollupExemptedCounter.hasColumn(column, in: table, on: sql) {
                try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN \(ident: column) BIGINT NOT NULL DEFAULT 0").run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Category.schema).deleteField("requires_verification").update()
    }
}
