import Fluent
import SQLKit

struct CreateCategoryAndRouting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Category.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("parent_code", .string)
            .field("default_department_code", .string)
            .field("sla_policy_code", .string, .required)
            .field("active", .bool, .required)
            .create()
        try await database.schema(SLAPolicyRecord.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("definition", .string, .required)
            .create()
        try await database.schema(RoutingRule.schema)
            .id()
            .field("category_code", .string, .required)
            .field("division_code", .string, .required)
            .field("department_code", .string, .required)
            .unique(on: "category_code", "division_code")
            .create()
        try await database.schema(CalendarDay.schema)
            .field("day", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("name", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [CalendarDay.schema, RoutingRule.schema, SLAPolicyRecord.schema, Category.schema] {
            try await database.schema(schema).delete()
        }
    }
}

struct CreateWorkOrder: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WorkOrder.schema)
            .id()
            .field("number", .string, .required)
            .field("tracking_code", .string, .required)
            .field("channel", .string, .required)
            .field("request_kind", .string, .required)
            .field("category_code", .string, .required)
            .field("tier", .string, .required)
            .field("priority", .string, .required)
            .field("status", .string, .required)
            .field("handling_level", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("address", .string)
            .field("division_code", .string, .required)
            .field("department_id", .uuid)
            .field("suggested_department_id", .uuid)
            .field("assignee_id", .uuid)
            .field("requester_name", .string)
            .field("requester_phone_cipher", .data)
            .field("requester_phone_index", .string)
            .field("anonymous", .bool, .required)
            .field("parent_id", .uuid)
            .field("supervision_level", .int, .required)
            .field("sla_policy_code", .string, .required)
            .field("next_due_at", .datetime)
            .field("overdue", .bool, .required)
            .field("state", .string, .required)
            .field("clocks", .string, .required)
            .field("version", .int, .required)
            .field("idempotency_key", .string)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "number")
            .unique(on: "tracking_code")
            .unique(on: "idempotency_key")
            .create()
        // Keyset lists: newest first within a status / division / department.
        try await database.index(on: WorkOrder.schema, name: "work_orders_status", columns: ["status", "created_at", "id"])
        try await database.index(on: WorkOrder.schema, name: "work_orders_division", columns: ["division_code", "created_at", "id"])
        try await database.index(on: WorkOrder.schema, name: "work_orders_department", columns: ["department_id", "status", "created_at", "id"])
        try await database.index(on: WorkOrder.schema, name: "work_orders_created", columns: ["created_at", "id"])
        try await database.index(on: WorkOrder.schema, name: "work_orders_phone", columns: ["requester_phone_index"])
        try await database.index(on: WorkOrder.schema, name: "work_orders_parent", columns: ["parent_id"])

        try await database.schema(WorkOrderEventRecord.schema)
            .id()
            .field("order_id", .uuid, .required, .references(WorkOrder.schema, "id"))
            .field("sequence", .int, .required)
            .field("kind", .string, .required)
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("actor", .string, .required)
            .field("actor_id", .uuid)
            .field("at", .datetime, .required)
            .field("note", .string)
            .field("event", .string, .required)
            .unique(on: "order_id", "sequence")
            .create()

        try await database.schema(SLAAlert.schema)
            .id()
            .field("order_id", .uuid, .required, .references(WorkOrder.schema, "id"))
            .field("stage", .string, .required)
            .field("kind", .string, .required)
            .field("due_at", .datetime, .required)
            .field("fired_at", .datetime)
            .field("fired_by", .string)
            .create()
        // The scheduler reads only unfired alerts in due order: the partial index keeps the sweep O(due).
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX sla_alerts_pending ON sla_alerts (due_at) WHERE fired_at IS NULL").run()
        }
        try await database.index(on: SLAAlert.schema, name: "sla_alerts_order", columns: ["order_id", "stage"])

        try await database.schema(Notification.schema)
            .id()
            .field("user_id", .uuid)
            .field("department_id", .uuid)
            .field("division_code", .string)
            .field("role", .string)
            .field("order_id", .uuid)
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await database.index(on: Notification.schema, name: "notifications_user", columns: ["user_id", "created_at"])
        try await database.index(on: Notification.schema, name: "notifications_department", columns: ["department_id", "created_at"])

        try await database.schema("work_order_sequences")
            .field("day", .string, .identifier(auto: false))
            .field("last_value", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in ["work_order_sequences", Notification.schema, SLAAlert.schema, WorkOrderEventRecord.schema, WorkOrder.schema] {
            try await database.schema(schema).delete()
        }
    }
}

/// Order lists are newest first with any mix of filters (scope, status, category, department,
/// overdue, supervised). One index in that order that also carries every filtered column lets both
/// engines walk newest-first and test the filters inside the index, reading the table only for
/// the rows of the page, however rare the match.
struct AddWorkOrderBrowseIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.index(on: WorkOrder.schema, name: "work_orders_browse",
                                 columns: ["created_at", "id", "division_code", "status", "category_code", "department_id", "overdue",
                                           "supervision_level"])
        // Its (created_at, id) prefix makes the old index redundant, and planners preferred the
        // narrower one, then read the table row by row to test the filters.
        if let sql = database as? any SQLDatabase { try await sql.drop(index: "work_orders_created").run() }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "work_orders_browse").run()
        try await database.index(on: WorkOrder.schema, name: "work_orders_created", columns: ["created_at", "id"])
    }
}

/// Each order keeps the grid (and grid version) it was filed in, so that reports can be cut by the
/// grids of the day or by today's.
struct AddWorkOrderGrid: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WorkOrder.schema).field("grid_code", .string).update()
        try await database.schema(WorkOrder.schema).field("grid_version", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WorkOrder.schema).deleteField("grid_version").update()
        try await database.schema(WorkOrder.schema).deleteField("grid_code").update()
    }
}

/// 督办 lists open orders by deadline: those overdue now and those due within hours. Only orders with a
/// running clock have a deadline, so a partial index over them in (overdue, deadline) order lets both engines
/// read the most urgent first instead of sorting every overdue order ever filed.
struct AddWorkOrderDueIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("""
            CREATE INDEX work_orders_due ON \(ident: WorkOrder.schema) (overdue, next_due_at, division_code, status)
            WHERE next_due_at IS NOT NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "work_orders_due").run()
    }
}
