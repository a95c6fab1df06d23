import Vapor
import Fluent
import LianxinCore

/// The security administrator's changes to an account's details on its page: name and contact phone,
/// division (and unit), enabling again, and a generated temporary password. Each is audited in the
/// transaction that makes it; who may ask for which is decided by the caller (`UsersController+Account`).
extension AccountService {
    /// Checks a display name and an optional phone (empty: none); problems under `/displayName` and `/phone`.
    func checkProfile(displayName: String, phone: String, into checks: inout InputValidator) -> (name: String, phone: PhoneNumber?) {
        let name = displayName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 64 || !InputValidator.isPlain(name) { checks.fail("/displayName", key: "accounts_name_invalid") }
        let trimmed = phone.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return (name, nil) }
        do { return (name, try PhoneNumber(parsing: trimmed)) } catch {
            checks.fail("/phone", key: "accounts_phone_invalid")
            return (name, nil)
        }
    }

    /// Sets the name and the phone (`keepPhone`: leave the stored phone as it is).
    func updateProfile(of user: User, name: String, phone: PhoneNumber?, keepPhone: Bool, actor: AuditActor, ip: String?) async throws {
        let context = application.lianxin
        let userID = try user.requireID()
        user.displayName = name
        if !keepPhone {
            user.phoneCipher = try phone.map { try context.cipher.seal($0.value, for: .userPhone, row: userID) }
        }
        try await database.transaction { db in
            try await user.update(on: db)
            try await AuthEpoch.raise(on: db, cache: context.authCache)
            try await AuditLog.record(
                .userUpdated, result: .success, actor: actor, target: "user:\(user.username)", ip: ip,
                detail: keepPhone ? "name" : "name, phone", at: context.now(), on: db)
        }
    }

    /// The stored phone, masked (3 + 4), or nil.
    func maskedPhone(of user: User) throws -> String? {
        guard let cipher = user.phoneCipher else { return nil }
        return PersonalDataMask.phone(try application.lianxin.cipher.open(cipher, for: .userPhone, row: try user.requireID()))
    }

    /// Moves the account to `division` (and `department`, required for handlers); its sessions end so that the
    /// new scope applies at once.
    func move(_ user: User, to division: String, department: Department?, actor: AuditActor, ip: String?) async throws {
        let context = application.lianxin
        let before = user.divisionCode
        user.divisionCode = division
        user.$department.id = department?.id
        let userID = try user.requireID()
        try await database.transaction { db in
            try await user.update(on: db)
            try await UserSession.query(on: db).filter(\.$user.$id == userID).delete()
            try await AuthEpoch.raise(on: db, cache: context.authCache)
            try await AuditLog.record(
                .userMoved, result: .success, actor: actor, target: "user:\(user.username)", ip: ip,
                detail: "\(before) → \(division)\(department.map { " unit=\($0.code)" } ?? "")", at: context.now(), on: db)
        }
    }

    /// Enables a disabled account again (its old sessions and tokens stay ended).
    func enable(_ user: User, actor: AuditActor, ip: String?) async throws {
        let context = application.lianxin
        user.active = true
        try await database.transaction { db in
            try await user.update(on: db)
            try await AuditLog.record(
                .userEnabled, result: .success, actor: actor, target: "user:\(user.username)", ip: ip, at: context.now(), on: db)
        }
    }

    /// Gives the account a generated temporary password, returned to be shown once; the owner must change it at
    /// the next sign-in, the account is unlocked and its sessions end.
    func resetToTemporaryPassword(of user: User, actor: AuditActor, ip: String?) async throws -> String {
        let password = TemporaryPassword.generate(minimumLength: max(14, application.lianxin.passwordPolicy.minimumLength))
        try await storePassword(
            hash: try await Passwords(application: application).hash(password), of: user, mustChange: true, audited: .passwordReset,
            actor: actor, ip: ip)
        return password
    }
}
