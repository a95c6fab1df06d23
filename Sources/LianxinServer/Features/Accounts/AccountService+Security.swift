import Vapor
import Fluent
import LianxinCore

/// The security administrator's actions on accounts: unlock, second factor, role, tokens. Each is audited
/// in the transaction that makes it.
extension AccountService {
    /// Ends a lockout early.
    func unlock(_ user: User, actor: AuditActor, ip: String?) async throws {
        let context = application.lianxin
        let userID = try user.requireID()
        try await database.transaction { db in
            try await AccountLockout.reset(userID: userID, on: db)
            try await AuditLog.record(
                .accountUnlocked, result: .success, actor: actor, target: "user:\(user.username)", ip: ip, at: context.now(), on: db)
        }
    }

    /// Gives the account a new TOTP secret (enrolment or reset) and returns it, to be shown once; the account's
    /// sessions end, so the next sign-in needs a code from the new secret.
    func resetSecondFactor(of user: User, actor: AuditActor, ip: String?) async throws -> String {
        let context = application.lianxin
        let secret = TOTP.base32(TOTP.generateSecret())
        user.totpSecretCipher = try context.cipher.seal(secret)
        user.totpLastStep = nil
        let userID = try user.requireID()
        try await database.transaction { db in
            try await user.update(on: db)
            try await UserSession.query(on: db).filter(\.$user.$id == userID).delete()
            try await AuthEpoch.raise(on: db, cache: context.authCache)
            try await AuditLog.record(
                .secondFactorEnrolled, result: .success, actor: actor, target: "user:\(user.username)", ip: ip, at: context.now(), on: db)
        }
        return secret
    }

    /// Sets a temporary password chosen by an administrator, already hashed (an approved reset of an administrator
    /// account): the owner must change it at the next sign-in; the account is unlocked and its sessions end.
    func setTemporaryPassword(of user: User, hash: String, actor: AuditActor, ip: String?) async throws {
        try await storePassword(hash: hash, of: user, mustChange: true, audited: .passwordReset, actor: actor, ip: ip)
    }

    /// Changes the account's role (its sessions end, so the new role applies at once).
    func changeRole(of user: User, to role: Role, actor: AuditActor, ip: String?) async throws {
        let context = application.lianxin
        if role.requiresDepartment, user.$department.id == nil {
            throw Problem.invalid(field: "/role", InputValidator(context.localizer).message("security_role_needs_department"))
        }
        let previous = user.role
        user.role = role
        let userID = try user.requireID()
        try await database.transaction { db in
            try await user.update(on: db)
            try await UserSession.query(on: db).filter(\.$user.$id == userID).delete()
            try await AuthEpoch.raise(on: db, cache: context.authCache)
            try await AuditLog.record(
                .roleChanged, result: .success, actor: actor, target: "user:\(user.username)", ip: ip,
                detail: "\(previous.rawValue) → \(role.rawValue)", at: context.now(), on: db)
        }
    }

    /// Revokes a bearer token.
    func revoke(_ token: ApiToken, owner: String, actor: AuditActor, ip: String?) async throws {
        let context = application.lianxin
        guard token.revokedAt == nil else { return }
        token.revokedAt = context.now()
        try await database.transaction { db in
            try await token.update(on: db)
            try await AuthEpoch.raise(on: db, cache: context.authCache)
            try await AuditLog.record(
                .tokenRevoked, result: .success, actor: actor, target: "user:\(owner)", ip: ip, detail: "token=\(token.name)",
                at: context.now(), on: db)
        }
    }
}
