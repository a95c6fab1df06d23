import Fluent

/// A staff member's contact phone (encrypted like every phone, bound to its row).
struct AddUserPhone: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("phone_cipher", .data).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("phone_cipher").update()
    }
}
