import Fluent
import SQLKit

/// Order history brought from another system: one row per import (file, division, rows, times) and one per
/// imported order, so an order's source stays known after the import.
struct CreateHistoryImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HistoryImport.schema)
            .id()
            .field("file_name", .string, .required)
            .field("division_code", .string)
            .field("orders", .int, .required)
            .field("actor", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime, .required)
            .create()
        try await database.schema(HistoryImport.ordersTable)
            .field("order_id", .uuid, .identifier(auto: false), .references(WorkOrder.schema, "id"))
            .field("import_id", .uuid, .required, .references(HistoryImport.schema, "id"))
            .field("source_line", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HistoryImport.ordersTable).delete()
        try await database.schema(HistoryImport.schema).delete()
    }
}
