import Fluent

/// The ledger of personal-data exports (`PersonalDataExport`), read by user and time.
struct CreatePersonalDataExports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PersonalDataExport.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("what", .string, .required)
            .field("rows", .int, .required)
            .field("weight", .int, .required)
            .field("unmasked", .bool, .required)
            .field("reason", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.index(on: PersonalDataExport.schema, name: "personal_data_exports_user_at", columns: ["user_id", "at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PersonalDataExport.schema).delete()
    }
}
