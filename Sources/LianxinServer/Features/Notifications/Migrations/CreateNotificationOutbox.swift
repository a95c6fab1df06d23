import Fluent
import Foundation
import LianxinCore
import SQLKit

/// The notification outbox, the rules of who gets what (seeded with `NotificationRule.defaults`),
/// residents' opt-outs and the automated revisits (#20).
struct CreateNotificationOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema)
            .id()
            .field("dedupe_key", .string, .required)
            .field("event", .string, .required)
            .field("channel", .string, .required)
            .field("audience", .string, .required)
            .field("recipient_kind", .string, .required)
            .field("recipient", .string, .required)
            .field("recipient_key", .string, .required)
            .field("order_id", .uuid)
            .field("division_code", .string)
            .field("phone_cipher", .data)
            .field("parameters", .string, .required)
            .field("text", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("last_error", .string)
            .field("provider_reference", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "dedupe_key")
            .create()
        try await database.sql.raw(
            "CREATE INDEX notification_outbox_pending ON notification_outbox (next_attempt_at) WHERE status = 'pending'"
        ).run()
        try await database.index(on: OutboxMessage.schema, name: "notification_outbox_recipient", columns: ["recipient_key", "sent_at"])
        try await database.index(on: OutboxMessage.schema, name: "notification_outbox_order", columns: ["order_id"])
        try await database.schema(NotificationRuleRecord.schema)
            .id()
            .field("event", .string, .required)
            .field("audience", .string, .required)
            .field("channel", .string, .required)
            .field("enabled", .bool, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "event", "audience", "channel")
            .create()
        try await database.schema(NotificationOptOut.schema)
            .id()
            .field("phone_index", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "phone_index")
            .create()
        try await database.schema(RevisitInvitation.schema)
            .id()
            .field("order_id", .uuid, .required)
            .field("division_code", .string, .required)
            .field("invited_at", .datetime, .required)
            .field("reminded_at", .datetime)
            .field("queued_at", .datetime)
            .field("evaluated_at", .datetime)
            .field("channel", .string)
            .field("satisfaction", .string)
            .unique(on: "order_id")
            .create()
        let now = Date()
        for rule in NotificationRule.defaults {
            let row = NotificationRuleRecord()
            row.event = rule.event.rawValue
            row.audience = rule.audience.rawValue
            row.channel = rule.channel.rawValue
            row.enabled = true
            row.updatedAt = now
            try await row.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RevisitInvitation.schema).delete()
        try await database.schema(NotificationOptOut.schema).delete()
        try await database.schema(NotificationRuleRecord.schema).delete()
        try await database.schema(OutboxMessage.schema).delete()
    }
}
