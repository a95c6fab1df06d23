import Foundation
import Fluent
import SQLKit
import Glibc

struct CreateAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FileBlob.schema)
            .field("key", .string, .identifier(auto: false))
            .field("data", .data, .required)
            .create()
        try await database.schema(Attachment.schema)
            .id()
            .field("order_id", .uuid, .required, .references(WorkOrder.schema, .id))
            .field("purpose", .string, .required)
            .field("content_type", .string, .required)
            .field("byte_size", .int, .required)
            .field("sha256", .string, .required)
            .field("storage_key", .string, .required)
            .field("uploader", .string, .required)
            .field("uploader_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "storage_key")
            .create()
        try await database.index(on: Attachment.schema, name: "attachments_order", columns: ["order_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Attachment.schema).delete()
        try await database.schema(FileBlob.schema).delete()
    }
}
