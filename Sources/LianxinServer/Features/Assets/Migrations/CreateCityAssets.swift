import Fluent
import SQLKit

/// The city asset registry (部件, issue 21) and each asset's history.
struct CreateCityAssets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CityAsset.schema)
            .id()
            .field("code", .string, .required)
            .field("class_code", .string, .required)
            .field("name", .string, .required)
            .field("division_code", .string, .required)
            .field("longitude", .double, .required)
            .field("latitude", .double, .required)
            .field("address", .string)
            .field("owner_department_id", .uuid, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "code")
            .create()
        try await database.schema(CityAssetEvent.schema)
            .id()
            .field("asset_id", .uuid, .required, .references(CityAsset.schema, "id"))
            .field("kind", .string, .required)
            .field("detail", .string)
            .field("order_id", .uuid)
            .field("actor_id", .uuid)
            .field("at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.raw("CREATE INDEX city_assets_division ON city_assets (division_code)").run()
        try await sql.raw("CREATE INDEX city_asset_events_asset ON city_asset_events (asset_id, at)").run()
        try await sql.raw("CREATE INDEX city_asset_events_order ON city_asset_events (order_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CityAssetEvent.schema).delete()
        try await database.schema(CityAsset.schema).delete()
    }
}
