import Fluent

/// Visits sent from phones' outboxes (issue 21): idempotency keys with both times.
struct CreateOfflineVisits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OfflineVisit.schema)
            .id()
            .field("idempotency_key", .string, .required)
            .field("user_id", .uuid, .required)
            .field("visit_id", .uuid, .required)
            .field("done_at", .datetime, .required)
            .field("received_at", .datetime, .required)
            .unique(on: "user_id", "idempotency_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OfflineVisit.schema).delete()
    }
}
