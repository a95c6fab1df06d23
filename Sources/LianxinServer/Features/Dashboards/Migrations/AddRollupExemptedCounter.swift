import Fluent
import SQLKit

/// The `exempted` counter (核减: orders the centre left out of the assessment) on the rollup rows and their summary.
/// `CreateDashboardTables` leaves it out (`RollupStore.columnsAddedLater`), so new and old databases both get it
/// here, last, zero everywhere (no order was exempted before appeals existed).
struct AddRollupExemptedCounter: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        for table in [RollupStore.rowsTable, RollupSummaryStore.table] where try await !Self.hasColumn("exempted", in: table, on: sql) {
            try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN exempted BIGINT NOT NULL DEFAULT 0").run()
        }
    }

    func revert(on database: any Database) async throws {}

    static func hasColumn(_ column: String, in table: String, on sql: any SQLDatabase) async throws -> Bool {
        if sql.dialect.name == "sqlite" {
            return try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all()
                .contains { (try? $0.decode(column: "name", as: String.self)) == column }
        }
        return try await sql.raw(
            """
            SELECT 1 AS found FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(bind: table) AND column_name = \(bind: column)
            """
        ).first() != nil
    }
}
