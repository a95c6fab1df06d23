import Fluent

/// Bearer tokens expire.
struct AddApiTokenExpiry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ApiToken.schema).field("expires_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ApiToken.schema).deleteField("expires_at").update()
    }
}
