import Fluent

/// A resident's choice to publish (or not) an order through the public interfaces; orders without
/// a row follow their channel's default (`PublicationRule`).
struct CreateOrderPublications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrderPublication.schema)
            .id()
            .field("order_id", .uuid, .required)
            .field("is_public", .bool)
            .field("chosen_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "order_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrderPublication.schema).delete()
    }
}
