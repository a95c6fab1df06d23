import Vapor
import Fluent

struct CreateOpen311Keys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Open311Key.schema)
            .id()
            .field("name", .string, .required)
            .field("key_hash", .string, .required)
            .field("per_minute", .int, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "key_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Open311Key.schema).delete()
    }
}
