import Fluent

/// Patrols (巡查) and their positions (issue 21): one patrol per phone key, one position per patrol and instant.
struct CreatePatrols: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Patrol.schema)
            .id()
            .field("idempotency_key", .string, .required)
            .field("user_id", .uuid, .required)
            .field("user_name", .string, .required)
            .field("division_code", .string, .required)
            .field("grid_code", .string)
            .field("started_at", .datetime, .required)
            .field("ended_at", .datetime)
            .field("automatic_end", .bool, .required)
            .field("metres", .double, .required)
            .field("point_count", .int, .required)
            .field("received_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id", "idempotency_key")
            .create()
        try await database.schema(PatrolPosition.schema)
            .id()
            .field("patrol_id", .uuid, .required, .references(Patrol.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("received_at", .datetime, .required)
            .unique(on: "patrol_id", "recorded_at")
            .create()
        try await database.index(on: Patrol.schema, name: "patrols_division_started", columns: ["division_code", "started_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PatrolPosition.schema).delete()
        try await database.schema(Patrol.schema).delete()
    }
}
