import Fluent

struct CreateBasemapShapes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BasemapShape.schema)
            .id()
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("geometry", .string, .required)
            .field("min_lon", .double, .required)
            .field("min_lat", .double, .required)
            .field("max_lon", .double, .required)
            .field("max_lat", .double, .required)
            .field("imported_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BasemapShape.schema).delete()
    }
}
