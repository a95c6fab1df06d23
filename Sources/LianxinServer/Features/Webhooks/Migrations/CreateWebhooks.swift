import Fluent
import Foundation
import SQLKit

struct CreateWebhooks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WebhookSubscription.schema)
            .id()
            .field("url", .string, .required)
            .field("secret_cipher", .data, .required)
            .field("events", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(WebhookDelivery.schema)
            .id()
            .field("subscription_id", .uuid, .required, .references(WebhookSubscription.schema, "id"))
            .field("event_kind", .string, .required)
            .field("payload", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .field("failed_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.raw(
            "CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WebhookDelivery.schema).delete()
        try await database.schema(WebhookSubscription.schema).delete()
    }
}
