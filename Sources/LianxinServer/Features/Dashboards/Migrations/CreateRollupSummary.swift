import Vapor
import Fluent
import SQLKit
import LianxinCore

/// The summary rows above the fine rollups (`RollupSummaryStore`), filled from the fine rows already stored.
struct CreateRollupSummary: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await CreateDashboardTables.createCounterTable(
            RollupSummaryStore.table, keyColumns: RollupSummaryStore.keyColumns,
            on: database)
        let sql = database.sql
        try await sql.raw("CREATE INDEX order_rollup_summary_node ON \(ident: RollupSummaryStore.table) (node, dimension, grain, bucket)").run()
        // 超期未办 counts open orders with a deadline; a partial index holds only those, with the columns a cut reads.
        try await sql.raw(
            """
            CREATE INDEX order_rollup_facts_open ON \(ident: RollupStore.factsTable)
            (day, overdue_after, city, county, township, community) WHERE overdue_after IS NOT NULL
            """
        ).run()
        _ = try await RollupSummaryStore.replace(from: try await RollupStore.table(on: sql), on: sql)
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX order_rollup_facts_open").run()
        try await database.schema(RollupSummaryStore.table).delete()
    }
}
