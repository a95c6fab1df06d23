import Fluent
import SQLKit

/// Read marks per reader, and on each message the object it is about (`link`, a page path) and its subject (an
/// order's number and title, a whistle's title) so the inbox can word it in the reader's language.
struct CreateNotificationReads: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NotificationRead.schema)
            .id()
            .field("notification_id", .uuid, .required, .references(Notification.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required)
            .field("read_at", .datetime, .required)
            .unique(on: "notification_id", "user_id")
            .create()
        try await database.index(on: NotificationRead.schema, name: "notification_reads_user", columns: ["user_id", "notification_id"])
        try await database.schema(Notification.schema).field("link", .string).update()
        try await database.schema(Notification.schema).field("subject", .string).update()
        try await database.index(on: Notification.schema, name: "notifications_role", columns: ["role", "division_code", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "notifications_role").run()
        try await database.schema(Notification.schema).deleteField("subject").update()
        try await database.schema(Notification.schema).deleteField("link").update()
        try await database.schema(NotificationRead.schema).delete()
    }
}
