import Vapor
import Fluent
import LianxinCore

/// Creating and changing staff accounts, with the rules that keep them valid and every change audited.
struct AccountService {
    let application: Application
    let database: any Database

    /// A request to create an account, as typed in a form, the API or the command line.
    struct NewAccount: Content, Sendable {
        var username: String
        var displayName: String
        var password: String
        var role: String
        var divisionCode: String
        var departmentCode: String?
    }

    /// What `validate` found to be a valid new account.
    struct CheckedAccount: Sendable {
        let username: String
        let displayName: String
        let role: Role
        let division: Division
        let department: Department?
    }

    /// Checks `input` (every problem under its field); `checkPassword` false when the password is already a hash.
    /// `creator` nil means the command line or an approved request; otherwise the new account must fall inside the
    /// creator's scope, and an administrator role needs the second approval (三员分立), so it is refused here
    /// unless the account is being filed `forApproval`.
    func validate(
        _ input: NewAccount, by creator: Principal?, checkPassword: Bool = true, forApproval: Bool = false
    ) async throws -> CheckedAccount {
        let context = application.lianxin
        var checks = InputValidator(context.localizer)
        let username = input.username.trimmingCharacters(in: .whitespaces)
        if !Self.isValidUsername(username) {
            checks.fail("/username", "3–32 letters, digits, dot, dash or underscore / 用户名须为 3–32 位字母、数字、点、横线或下划线")
        }
        let displayName = input.displayName.trimmingCharacters(in: .whitespaces)
        if displayName.isEmpty || displayName.count > 64 {
            checks.fail("/displayName", "1–64 characters / 姓名须为 1–64 个字符")
        }
        if checkPassword, let violation = context.passwordPolicy.check(input.password, username: username) {
            checks.fail("/password", violation.message(english: true) + " / " + violation.message(english: false))
        }
        let role = Role(rawValue: input.role)
        if role == nil {
            checks.fail("/role", "choose one of the options offered / 角色无效")
        } else if creator != nil, !forApproval, AdministratorSeparation.needsApproval(currentRole: nil, newRole: role) {
            checks.fail("/role", key: "security_role_needs_approval")
        }
        var division: Division?
        if let code = DivisionCode(input.divisionCode) {
            division = try await Division.find(code.value, on: database)
            if division == nil {
                checks.fail("/divisionCode", "unknown division \(code) / 区划不存在")
            } else if let creator, !creator.canSee(code) {
                checks.fail("/divisionCode", "outside your division / 超出您的管辖范围")
            }
        } else {
            checks.fail("/divisionCode", "not a division code / 区划代码无效")
        }
        var department: Department?
        if let code = input.departmentCode?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            department = try await Department.query(on: database).filter(\.$code == code).first()
            if department == nil { checks.fail("/departmentCode", "unknown department / 部门不存在") }
        } else if role?.requiresDepartment == true {
            checks.fail("/departmentCode", "handlers must belong to a department / 承办人员须属于某个部门")
        }
        if Self.isValidUsername(username),
            try await User.query(on: database).filter(\.$username == username).first() != nil
        {
            checks.fail("/username", "already taken / 用户名已存在")
        }
        guard checks.isValid, let role, let division else { throw Problem.invalid(checks.errors) }
        return CheckedAccount(username: username, displayName: displayName, role: role, division: division, department: department)
    }

    /// Checks `input`, then creates the account and its audit entry in one transaction. An account made by
    /// someone else (`creator`, or `temporaryPassword`) must change its password at first sign-in; the command
    /// line makes the first accounts with passwords their owners chose.
    func create(
        _ input: NewAccount, by creator: Principal?, actor: AuditActor, ip: String? = nil, temporaryPassword: Bool? = nil
    ) async throws -> User {
        let checked = try await validate(input, by: creator)
        let hash = try await Passwords(application: application).hash(input.password)
        return try await insert(checked, passwordHash: hash, temporaryPassword: temporaryPassword ?? (creator != nil), actor: actor, ip: ip)
    }

    /// Writes a checked account with its audit entry.
    func insert(_ checked: CheckedAccount, passwordHash: String, temporaryPassword: Bool, actor: AuditActor, ip: String?) async throws -> User {
        let context = application.lianxin
        let user = User(
            username: checked.username, displayName: checked.displayName, passwordHash: passwordHash, role: checked.role,
            divisionCode: checked.division.code.value, departmentID: checked.department?.id, now: context.now())
        user.mustChangePassword = temporaryPassword
        do {
            try await database.transaction { db in
                try await user.create(on: db)
                try await AuditLog.record(
                    .userCreated, result: .success, actor: actor, target: "user:\(checked.username)", ip: ip,
                    detail: "role=\(checked.role.rawValue) division=\(checked.division.code.value)", at: context.now(), on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Problem.invalid(field: "/username", "already taken / 用户名已存在")
        }
        return user
    }

    /// Sets a new password (checked against the policy and the last `PasswordHistory.depth` passwords), unlocks
    /// the account and ends its sessions. A password set by someone else must be changed at the next sign-in.
    func resetPassword(of user: User, to password: String, actor: AuditActor, ip: String? = nil, selfService: Bool = false) async throws {
        let context = application.lianxin
        if let violation = context.passwordPolicy.check(password, username: user.username) {
            throw Problem.invalid(field: "/password", violation.message(english: true) + " / " + violation.message(english: false))
        }
        let passwords = Passwords(application: application)
        let history = PasswordHistory(stored: user.previousPasswordHashes)
        if try await passwords.matchesAny(password, history.hashesToCheck(current: user.passwordHash)) {
            throw Problem.invalid(
                field: "/password", InputValidator(context.localizer).message("security_password_reused", ["count": "\(PasswordHistory.depth)"]))
        }
        try await storePassword(
            hash: try await passwords.hash(password), of: user, mustChange: !selfService, audited: selfService ? .passwordChanged : .passwordReset,
            actor: actor, ip: ip)
    }

    /// Puts `hash` in force as the account's password, the old one into its history; unlocks the account and ends
    /// its sessions, in one transaction with the audit entry.
    func storePassword(hash: String, of user: User, mustChange: Bool, audited action: AuditAction, actor: AuditActor, ip: String?) async throws {
        let context = application.lianxin
        user.previousPasswordHashes = PasswordHistory(stored: user.previousPasswordHashes).replacing(current: user.passwordHash).stored
        user.passwordHash = hash
        user.passwordChangedAt = context.now()
        user.mustChangePassword = mustChange
        user.failedLogins = 0
        user.lockedUntil = nil
        let userID = try user.requireID()
        try await database.transaction { db in
            try await user.update(on: db)
            try await UserSession.query(on: db).filter(\.$user.$id == userID).delete()
            try await AuthEpoch.raise(on: db, cache: context.authCache)
            try await AuditLog.record(action, result: .success, actor: actor, target: "user:\(user.username)", ip: ip, at: context.now(), on: db)
        }
    }

    /// Disables an account and ends its sessions and tokens.
    func disable(_ user: User, actor: AuditActor, ip: String? = nil) async throws {
        let context = application.lianxin
        user.active = false
        let userID = try user.requireID()
        try await database.transaction { db in
            try await user.update(on: db)
            try await UserSession.query(on: db).filter(\.$user.$id == userID).delete()
            try await AuthEpoch.raise(on: db, cache: context.authCache)
            try await ApiToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: context.now()).update()
            try await AuditLog.record(
                .userDisabled, result: .success, actor: actor, target: "user:\(user.username)", ip: ip,
                at: context.now(), on: db)
        }
    }

    /// Issues a bearer token for `user`, working for the configured lifetime; the token is shown once and only
    /// its hash is stored.
    func issueToken(for user: User, name: String, actor: AuditActor, ip: String? = nil) async throws -> String {
        let context = application.lianxin
        let token = "lx_" + FieldCipher.randomToken()
        let now = context.now()
        let expiresAt = now.addingTimeInterval(TimeInterval(context.settings.access.tokenLifetimeDays) * 86_400)
        let record = ApiToken(tokenHash: context.cipher.tokenHash(token), userID: try user.requireID(), name: name, now: now, expiresAt: expiresAt)
        try await database.transaction { db in
            try await record.create(on: db)
            try await AuditLog.record(
                .tokenCreated, result: .success, actor: actor, target: "user:\(user.username)", ip: ip,
                detail: "token=\(name) expires=\(ChinaTime.minute(expiresAt))", at: now, on: db)
        }
        return token
    }

    static func isValidUsername(_ name: String) -> Bool {
        (3...32).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
}
