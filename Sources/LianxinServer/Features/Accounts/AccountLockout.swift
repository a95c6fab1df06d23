import Fluent
import Foundation
import LianxinCore
import SQLKit

/// The lockout counter, kept by the database: each failure is one `UPDATE … SET failed_logins = failed_logins + 1
/// … RETURNING`, so parallel wrong passwords are each counted (a read, then a write of the incremented copy,
/// loses the failures made in between). The same statement works on SQLite and PostgreSQL.
enum AccountLockout {
    /// Counts one failed attempt (a wrong password at sign-in or when changing it); returns whether this
    /// failure locked the account.
    static func recordFailure(userID: UUID, lockout: LoginLockout, now: Date, on db: any Database) async throws -> Bool {
        let until = now.addingTimeInterval(lockout.lockDuration)
        let row = try await db.sql.raw(
            """
            UPDATE users SET
              failed_logins = CASE WHEN failed_logins + 1 >= \(bind: lockout.maxFailures) THEN 0 ELSE failed_logins + 1 END,
              locked_until = CASE WHEN failed_logins + 1 >= \(bind: lockout.maxFailures) THEN \(bind: until) ELSE locked_until END
            WHERE id = \(bind: userID)
            RETURNING failed_logins
            """
        ).first()
        // The counter restarts at 0 exactly when this failure reached the limit.
        return try row?.decode(column: "failed_logins", as: Int.self) == 0
    }

    /// Clears the counter after a successful sign-in or an unlock.
    static func reset(userID: UUID, on db: any Database) async throws {
        try await db.sql.update(User.schema).set("failed_logins", to: 0).set("locked_until", to: SQLLiteral.null)
            .where("id", .equal, userID).run()
    }
}
