import Fluent

/// The second sign-in factor of administrator roles.
struct AddUserSecondFactor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("totp_secret_cipher", .data).update()
        try await database.schema(User.schema).field("totp_last_step", .int64).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("totp_last_step").update()
        try await database.schema(User.schema).deleteField("totp_secret_cipher").update()
    }
}
