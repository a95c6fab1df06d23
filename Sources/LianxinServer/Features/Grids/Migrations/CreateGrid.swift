import Fluent
import Foundation

struct CreateGrid: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Grid.schema)
            .id()
            .field("code", .string, .required)
            .field("version", .int, .required)
            .field("name", .string, .required)
            .field("community_code", .string, .required, .references(Division.schema, "code"))
            .field("geometry", .string, .required)
            .field("generated", .bool, .required)
            .field("valid_from", .datetime, .required)
            .field("valid_to", .datetime)
            .unique(on: "code", "version")
            .create()
        try await database.index(on: Grid.schema, name: "grids_community", columns: ["community_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Grid.schema).delete()
    }
}
