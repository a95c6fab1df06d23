import Fluent
import SQLKit

/// Order lists are newest first with any mix of filters (scope, status, category, department,
/// overdue, supervised). One index in that order that also carries every filtered column lets both
/// engines walk newest-first and test the filters inside the index, reading the table only for
/// the rows of the page, however rare the match.
struct AddWorkOrderBrowseIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.index(
            on: WorkOrder.schema, name: "work_orders_browse",
            columns: [
                "created_at", "id", "division_code", "status", "category_code", "department_id", "overdue",
                "supervision_level",
            ])
        // Its (created_at, id) prefix makes the old index redundant, and planners preferred the
        // narrower one, then read the table row by row to test the filters.
        try await database.sql.drop(index: "work_orders_created").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.drop(index: "work_orders_browse").run()
        try await database.index(on: WorkOrder.schema, name: "work_orders_created", columns: ["created_at", "id"])
    }
}
