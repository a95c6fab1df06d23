import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Filing and deciding changes to administrator accounts (三员分立): the security administrator files, an
/// administrator of another role approves or rejects, and only the approval makes the change, in the same
/// transaction as its decision and audit entries.
struct AdministratorRequests {
    let application: Application
    let database: any Database

    /// Files the creation of an administrator account; the password is checked now and kept as its hash.
    func fileCreation(_ input: AccountService.NewAccount, by principal: Principal, ip: String?) async throws -> AdministratorRequest {
        let checked = try await AccountService(application: application, database: database).validate(input, by: principal, forApproval: true)
        try await refuseDuplicate(username: checked.username)
        let request = newRequest(.create, username: checked.username, by: principal)
        request.role = checked.role
        request.displayName = checked.displayName
        request.divisionCode = checked.division.code.value
        request.departmentCode = checked.department?.code
        request.passwordHash = try await Passwords(application: application).hash(input.password)
        try await save(
            request, actor: principal.auditActor, detail: "create role=\(checked.role.rawValue) division=\(checked.division.code.value)", ip: ip)
        return request
    }

    /// Files disabling `target` or changing its role to `role`.
    func fileChange(_ change: AdministratorSeparation.Change, of target: User, role: Role?, by principal: Principal, ip: String?) async throws
        -> AdministratorRequest
    {
        try await refuseDuplicate(username: target.username)
        let request = newRequest(change, username: target.username, by: principal)
        request.targetUserID = try target.requireID()
        request.role = role
        try await save(request, actor: principal.auditActor, detail: "\(change.rawValue)\(role.map { " role=\($0.rawValue)" } ?? "")", ip: ip)
        return request
    }

    /// Files moving an administrator account to another division (its scope), checked now.
    func fileMove(of target: User, to division: String, departmentCode: String?, by principal: Principal, ip: String?) async throws
        -> AdministratorRequest
    {
        try await refuseDuplicate(username: target.username)
        let request = newRequest(.changeDivision, username: target.username, by: principal)
        request.targetUserID = try target.requireID()
        request.divisionCode = division
        request.departmentCode = departmentCode
        try await save(request, actor: principal.auditActor, detail: "changeDivision \(target.divisionCode) → \(division)", ip: ip)
        return request
    }

    /// Files a temporary password for an administrator account (checked now, kept as its hash).
    func filePasswordReset(of target: User, password: String, by principal: Principal, ip: String?) async throws -> AdministratorRequest {
        let context = application.lianxin
        if let violation = context.passwordPolicy.check(password, username: target.username) {
            throw Problem.invalid(field: "/password", violation.message(english: true) + " / " + violation.message(english: false))
        }
        try await refuseDuplicate(username: target.username)
        let request = newRequest(.resetPassword, username: target.username, by: principal)
        request.targetUserID = try target.requireID()
        request.passwordHash = try await Passwords(application: application).hash(password)
        try await save(request, actor: principal.auditActor, detail: "resetPassword", ip: ip)
        return request
    }

    /// Approves and carries out a pending request. The approver must hold another administrator role than the
    /// requester, be another person, and not be the account the change is about. Returns the new TOTP secret
    /// when the request reset one, to be shown once to the approver, who hands it to the account's owner.
    @discardableResult
    func approve(_ request: AdministratorRequest, by principal: Principal, ip: String?) async throws -> String? {
        try checkDecider(request, principal)
        let now = application.lianxin.now()
        return try await database.transaction { db in
            var secret: String?
            try await claim(request, status: .approved, by: principal, at: now, on: db)
            let accounts = AccountService(application: application, database: db)
            switch request.change {
            case .create:
                let input = AccountService.NewAccount(
                    username: request.targetUsername, displayName: request.displayName ?? request.targetUsername, password: "",
                    role: request.role?.rawValue ?? "", divisionCode: request.divisionCode ?? "", departmentCode: request.departmentCode)
                let checked = try await accounts.validate(input, by: nil, checkPassword: false)
                _ = try await accounts.insert(
                    checked, passwordHash: request.passwordHash ?? "", temporaryPassword: true, actor: principal.auditActor, ip: ip)
            case .disable:
                try await accounts.disable(try await target(of: request, on: db), actor: principal.auditActor, ip: ip)
            case .changeRole:
                guard let role = request.role else {
                    throw Problem.invalid(field: "/role", InputValidator(application.lianxin.localizer).message("security_role_unknown"))
                }
                try await accounts.changeRole(of: try await target(of: request, on: db), to: role, actor: principal.auditActor, ip: ip)
            case .resetPassword:
                try await accounts.setTemporaryPassword(
                    of: try await target(of: request, on: db), hash: request.passwordHash ?? "", actor: principal.auditActor, ip: ip)
            case .resetSecondFactor:
                secret = try await accounts.resetSecondFactor(of: try await target(of: request, on: db), actor: principal.auditActor, ip: ip)
            case .enable:
                try await accounts.enable(try await target(of: request, on: db), actor: principal.auditActor, ip: ip)
            case .changeDivision:
                let department: Department? =
                    if let code = request.departmentCode { try await Department.query(on: db).filter(\.$code == code).first() } else { nil }
                try await accounts.move(
                    try await target(of: request, on: db), to: request.divisionCode ?? "", department: department, actor: principal.auditActor,
                    ip: ip)
            }
            try await AuditLog.record(
                .administratorChangeDecided, result: .success, actor: principal.auditActor, target: "user:\(request.targetUsername)", ip: ip,
                detail: "approved \(request.change.rawValue) filed by \(request.requestedByName)", at: now, on: db)
            return secret
        }
    }

    /// Rejects a pending request.
    func reject(_ request: AdministratorRequest, by principal: Principal, ip: String?) async throws {
        try checkDecider(request, principal)
        let now = application.lianxin.now()
        try await database.transaction { db in
            try await claim(request, status: .rejected, by: principal, at: now, on: db)
            try await AuditLog.record(
                .administratorChangeDecided, result: .denied, actor: principal.auditActor, target: "user:\(request.targetUsername)", ip: ip,
                detail: "rejected \(request.change.rawValue) filed by \(request.requestedByName)", at: now, on: db)
        }
    }

    /// Whether the request's account lies in the principal's scope (a new account's division, or the target's).
    func isVisible(_ request: AdministratorRequest, to principal: Principal) async throws -> Bool {
        if let code = request.divisionCode { return principal.canSee(divisionCode: code) }
        guard let id = request.targetUserID, let user = try await User.find(id, on: database) else { return false }
        return principal.canSee(divisionCode: user.divisionCode)
    }

    private func checkDecider(_ request: AdministratorRequest, _ principal: Principal) throws {
        guard
            AdministratorSeparation.mayApprove(
                approver: principal.role, approverID: principal.userID.uuidString, requester: request.requestedByRole,
                requesterID: request.requestedByID.uuidString), request.targetUserID != principal.userID
        else { throw Problem.forbidden }
    }

    /// Marks the request decided, once: a second decision (another tab, another approver) finds it no longer pending.
    private func claim(
        _ request: AdministratorRequest, status: AdministratorRequest.Status, by principal: Principal, at now: Date, on db: any Database
    )
        async throws
    {
        let row = try await db.sql.raw(
            """
            UPDATE administrator_requests SET status = \(bind: status.rawValue), decided_by_name = \(bind: principal.username),
              decided_at = \(bind: now)
            WHERE id = \(bind: try request.requireID()) AND status = \(bind: AdministratorRequest.Status.pending.rawValue)
            RETURNING id
            """
        ).first()
        guard row != nil else { throw Problem.conflict(InputValidator(application.lianxin.localizer).message("security_request_decided")) }
        request.status = status
    }

    private func target(of request: AdministratorRequest, on db: any Database) async throws -> User {
        guard let id = request.targetUserID, let user = try await User.find(id, on: db) else { throw Problem.notFound("user") }
        return user
    }

    private func refuseDuplicate(username: String) async throws {
        let pending = try await AdministratorRequest.query(on: database).filter(\.$targetUsername == username)
            .filter(\.$status == .pending).count()
        guard pending == 0 else {
            throw Problem.conflict(InputValidator(application.lianxin.localizer).message("security_request_duplicate"), field: "/username")
        }
    }

    private func newRequest(_ change: AdministratorSeparation.Change, username: String, by principal: Principal) -> AdministratorRequest {
        let request = AdministratorRequest()
        request.change = change
        request.targetUsername = username
        request.requestedByID = principal.userID
        request.requestedByName = principal.username
        request.requestedByRole = principal.role
        request.requestedAt = application.lianxin.now()
        request.status = .pending
        return request
    }

    private func save(_ request: AdministratorRequest, actor: AuditActor, detail: String, ip: String?) async throws {
        try await database.transaction { db in
            try await request.create(on: db)
            try await AuditLog.record(
                .administratorChangeFiled, result: .success, actor: actor, target: "user:\(request.targetUsername)", ip: ip, detail: detail,
                at: request.requestedAt, on: db)
        }
    }
}
