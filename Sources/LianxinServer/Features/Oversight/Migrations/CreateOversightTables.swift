import Fluent

/// 小微权力监督 (#24): confidential conduct reports and inspection handovers.
struct CreateOversightTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ConductReport.schema).id()
            .field("tracking_code", .string, .required).field("secret_hash", .string, .required).field("division_code", .string, .required)
            .field("official", .string, .required).field("what", .string, .required).field("happened_on", .string)
            .field("first_time", .bool, .required).field("reporter_name_cipher", .data).field("reporter_phone_cipher", .data)
            .field("status", .string, .required).field("handler_id", .uuid).field("handler_name", .string).field("finding", .string)
            .field("reply", .string).field("note", .string).field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required).field("closed_at", .datetime)
            .unique(on: "tracking_code").create()
        try await database.schema(InspectionHandover.schema).id()
            .field("division_code", .string, .required).field("group_division_code", .string, .required)
            .field("group_name", .string, .required).field("title", .string, .required).field("problem", .string, .required)
            .field("found_on", .string, .required).field("deadline", .string, .required).field("status", .string, .required)
            .field("reply", .string).field("proof", .string).field("replied_by", .string).field("replied_on", .string)
            .field("return_reason", .string).field("returns", .int, .required).field("rectified_on", .string)
            .field("created_by", .string, .required).field("created_at", .datetime, .required).create()
        try await database.index(on: ConductReport.schema, name: "oversight_reports_division", columns: ["division_code", "status"])
        try await database.index(on: InspectionHandover.schema, name: "oversight_handovers_division", columns: ["division_code", "status"])
    }

    func revert(on database: any Database) async throws {
        for schema in [InspectionHandover.schema, ConductReport.schema] { try await database.schema(schema).delete() }
    }
}
