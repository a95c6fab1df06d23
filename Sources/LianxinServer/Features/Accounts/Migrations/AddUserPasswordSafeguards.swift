import Fluent
import SQLKit

/// The forced change of a password an administrator chose, and the history of earlier passwords.
struct AddUserPasswordSafeguards: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("must_change_password", .bool, .required, .sql(.default(false))).update()
        try await database.schema(User.schema).field("previous_password_hashes", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("previous_password_hashes").update()
        try await database.schema(User.schema).deleteField("must_change_password").update()
    }
}
