import Fluent
import SQLKit

/// One counter every instance reads: raised whenever a session or token may no longer stand for what a cached
/// principal says (sign-out, revocation, a disabled account, a new role, division or password), so each instance
/// drops its cached principals (`AuthCache`).
struct CreateAuthEpoch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuthEpoch.schema)
            .field("id", .int, .identifier(auto: false))
            .field("value", .int64, .required)
            .create()
        try await database.sql.insert(into: AuthEpoch.schema).columns("id", "value").values(SQLBind(1), SQLBind(Int64(0))).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuthEpoch.schema).delete()
    }
}
