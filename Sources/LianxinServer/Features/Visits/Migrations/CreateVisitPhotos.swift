import Vapor
import Fluent
import LianxinCore

struct CreateVisitPhotos: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(VisitPhoto.schema)
            .id()
            .field("household_id", .uuid, .required)
            .field("visit_id", .uuid)
            .field("uploader_id", .uuid, .required)
            .field("content_type", .string, .required)
            .field("byte_size", .int, .required)
            .field("sha256", .string, .required)
            .field("storage_key", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(on: VisitPhoto.schema, name: "visit_photos_visit", columns: ["visit_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VisitPhoto.schema).delete()
    }
}
