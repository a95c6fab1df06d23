import Fluent

struct CreateDivision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Division.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("parent_code", .string)
            .field("valid_from", .datetime)
            .field("valid_to", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index(on: Division.schema, name: "divisions_parent", columns: ["parent_code", "code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Division.schema).delete()
    }
}
