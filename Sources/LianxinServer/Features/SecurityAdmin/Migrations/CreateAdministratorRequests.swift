import Fluent

/// Pending changes to administrator accounts and their decisions (三员分立).
struct CreateAdministratorRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AdministratorRequest.schema)
            .id()
            .field("change", .string, .required)
            .field("target_username", .string, .required)
            .field("target_user_id", .uuid)
            .field("role", .string)
            .field("display_name", .string)
            .field("division_code", .string)
            .field("department_code", .string)
            .field("password_hash", .string)
            .field("requested_by_id", .uuid, .required)
            .field("requested_by_name", .string, .required)
            .field("requested_by_role", .string, .required)
            .field("requested_at", .datetime, .required)
            .field("status", .string, .required)
            .field("decided_by_name", .string)
            .field("decided_at", .datetime)
            .create()
        try await database.index(on: AdministratorRequest.schema, name: "administrator_requests_status", columns: ["status", "requested_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AdministratorRequest.schema).delete()
    }
}
