import Fluent

/// The record of steps sent from phones' outboxes (issue 21): idempotency keys with both times.
struct CreateOfflineSubmissions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OfflineSubmission.schema)
            .id()
            .field("idempotency_key", .string, .required)
            .field("user_id", .uuid, .required)
            .field("order_id", .uuid, .required)
            .field("action", .string, .required)
            .field("done_at", .datetime, .required)
            .field("received_at", .datetime, .required)
            .field("outcome", .string, .required)
            .field("event_sequence", .int)
            .field("conflict", .string)
            .unique(on: "user_id", "idempotency_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OfflineSubmission.schema).delete()
    }
}
