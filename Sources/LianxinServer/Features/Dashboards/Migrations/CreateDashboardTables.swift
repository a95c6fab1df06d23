import Vapor
import Fluent
import SQLKit
import LianxinCore

/// The rollup rows, the facts behind them, and the assessment schemes (考核方案) as data.
struct CreateDashboardTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await Self.createCounterTable(RollupStore.rowsTable, keyColumns: RollupStore.keyColumns, on: database)
        try await database.schema(RollupStore.factsTable)
            .field("order_id", .uuid, .identifier(auto: false))
            .field("day", .string, .required)
            .field("city", .string, .required)
            .field("county", .string, .required)
            .field("township", .string, .required)
            .field("community", .string, .required)
            .field("grid", .string, .required)
            .field("department_id", .string, .required)
            .field("category_code", .string, .required)
            .field("channel", .string, .required)
            .field("request_kind", .string, .required)
            .field("overdue_after", .double)
            .field("created_at", .double, .required)
            .field("fact", .string, .required)
            .create()
        try await database.schema(AssessmentSchemeRecord.schema)
            .field("code", .string, .identifier(auto: false))
            .field("scheme", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("updated_by", .string, .required)
            .create()
        let sql = database.sql
        try await sql.raw("CREATE INDEX order_rollups_day ON \(ident: RollupStore.rowsTable) (day)").run()
        try await sql.raw("CREATE INDEX order_rollup_facts_day ON \(ident: RollupStore.factsTable) (day, created_at)").run()
        try await sql.raw("CREATE INDEX order_rollup_facts_overdue ON \(ident: RollupStore.factsTable) (overdue_after)").run()
    }

    /// A table of text key columns, unique together (`<table>_key`), and every counter column (zero by default).
    static func createCounterTable(_ table: String, keyColumns: [String], on database: any Database) async throws {
        var rows = database.schema(table)
        for column in keyColumns { rows = rows.field(FieldKey(stringLiteral: column), .string, .required) }
        for column in RollupStore.counterColumns where !RollupStore.columnsAddedLater.contains(column) {
            rows = rows.field(FieldKey(stringLiteral: column), .int64, .required, .sql(.default(0)))
        }
        try await rows.constraint(.constraint(.unique(fields: keyColumns.map { .key(FieldKey(stringLiteral: $0)) }), name: table + "_key"))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AssessmentSchemeRecord.schema).delete()
        try await database.schema(RollupStore.factsTable).delete()
        try await database.schema(RollupStore.rowsTable).delete()
    }
}
