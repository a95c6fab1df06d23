import Fluent

struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("division_code", .string, .required, .references(Division.schema, "code"))
            .field("department_id", .uuid, .references(Department.schema, "id"))
            .field("active", .bool, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("password_changed_at", .datetime, .required)
            .field("last_login_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.index(on: User.schema, name: "users_division", columns: ["division_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
