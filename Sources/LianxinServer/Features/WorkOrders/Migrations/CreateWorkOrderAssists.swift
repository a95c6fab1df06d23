import Fluent
import Foundation
import SQLKit

/// The table of assisting parts.
struct CreateWorkOrderAssists: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WorkOrderAssist.schema)
            .id()
            .field("order_id", .uuid, .required)
            .field("department_id", .uuid, .required)
            .field("status", .string, .required)
            .field("open", .bool, .required)
            .field("added_at", .datetime, .required)
            .field("sign_due_at", .datetime)
            .field("report_due_at", .datetime)
            .field("signed_on_time", .bool)
            .field("reported_on_time", .bool)
            .unique(on: "order_id", "department_id")
            .create()
        try await database.sql.create(index: "work_order_assists_department").on(WorkOrderAssist.schema).column("department_id")
            .column("open").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WorkOrderAssist.schema).delete()
    }
}
