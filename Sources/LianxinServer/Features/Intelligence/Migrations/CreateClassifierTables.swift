import Vapor
import Fluent

struct CreateClassifierTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ClassifierModelRecord.schema)
            .id()
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("source", .string, .required)
            .field("example_count", .int, .required)
            .field("labels", .string, .required)
            .field("macro_f1", .double)
            .field("sha256", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("disabled", .bool, .required)
            .field("created_by", .string)
            .unique(on: "version")
            .create()
        try await database.schema(ClassificationCorrection.schema)
            .id()
            .field("order_id", .uuid, .required)
            .field("text", .string, .required)
            .field("suggested_label", .string, .required)
            .field("chosen_label", .string, .required)
            .field("model_version", .int, .required)
            .field("user_id", .uuid)
            .field("at", .datetime, .required)
            .unique(on: "order_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ClassificationCorrection.schema).delete()
        try await database.schema(ClassifierModelRecord.schema).delete()
    }
}
