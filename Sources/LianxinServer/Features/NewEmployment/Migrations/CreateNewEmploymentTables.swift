import Fluent

/// New-employment groups in the grid (#24): workers, their stage changes and tuition-subsidy applications.
struct CreateNewEmploymentTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NewEmploymentWorker.schema).id()
            .field("name", .string, .required).field("phone_cipher", .data, .required).field("phone_index", .string, .required)
            .field("platform", .string, .required).field("station", .string, .required).field("team", .string, .required)
            .field("division_code", .string, .required).field("stage", .string, .required).field("trade_since", .string, .required)
            .field("created_at", .datetime, .required).unique(on: "phone_index").create()
        try await database.schema(GrowthStageChange.schema).id()
            .field("worker_id", .uuid, .required, .references(NewEmploymentWorker.schema, "id")).field("division_code", .string, .required)
            .field("from_stage", .string, .required).field("to_stage", .string, .required).field("reports", .int, .required)
            .field("months", .int, .required).field("decided_by", .string, .required).field("at", .datetime, .required).create()
        try await database.schema(TuitionApplication.schema).id()
            .field("worker_id", .uuid, .required, .references(NewEmploymentWorker.schema, "id")).field("division_code", .string, .required)
            .field("college", .string, .required).field("programme", .string, .required).field("fees_fen", .int, .required)
            .field("amount_fen", .int, .required).field("diploma_on", .string, .required).field("applied_on", .string, .required)
            .field("months_worked", .int, .required).field("status", .string, .required).field("notice_ends", .string).field("note", .string)
            .field("updated_by", .string, .required).field("updated_at", .datetime, .required).create()
        try await database.index(on: NewEmploymentWorker.schema, name: "ne_workers_division", columns: ["division_code"])
    }

    func revert(on database: any Database) async throws {
        for schema in [TuitionApplication.schema, GrowthStageChange.schema, NewEmploymentWorker.schema] {
            try await database.schema(schema).delete()
        }
    }
}
