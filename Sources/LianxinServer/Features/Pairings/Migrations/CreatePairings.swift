import Vapor
import Fluent

struct CreatePairings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GridCluster.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("division_code", .string, .required)
            .field("grid_codes", .string, .required)
            .field("leader_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "code")
            .create()
        try await database.schema(Pairing.schema)
            .id()
            .field("kind", .string, .required)
            .field("person_name", .string, .required)
            .field("person_id", .uuid)
            .field("target", .string, .required)
            .field("division_code", .string, .required)
            .field("valid_from", .datetime, .required)
            .field("valid_to", .datetime)
            .create()
        try await database.index(on: Pairing.schema, name: "pairings_target", columns: ["kind", "target"])
        try await database.index(on: Pairing.schema, name: "pairings_division", columns: ["division_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Pairing.schema).delete()
        try await database.schema(GridCluster.schema).delete()
    }
}
