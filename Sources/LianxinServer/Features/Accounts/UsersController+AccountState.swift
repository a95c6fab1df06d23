import Vapor
import Fluent
import LianxinCore

/// An account's password, lock and state from its page (see `UsersController+AccountActions` for who may).
extension UsersController {
    /// Gives the account a generated temporary password and shows it once; the owner must change it at the next
    /// sign-in. For an administrator account the reset is filed for approval, and the password shown to the filer.
    func resetPasswordFromPage(req: Request) async throws -> Response {
        let (principal, user) = try await accountTarget(req)
        let heading: String
        let password: String
        if user.role.isAdministrator {
            password = TemporaryPassword.generate(minimumLength: max(14, req.lianxin.passwordPolicy.minimumLength))
            _ = try await AdministratorRequests(application: req.application, database: req.db)
                .filePasswordReset(of: user, password: password, by: principal, ip: req.clientIP)
            heading = req.t("accounts_password_filed")
        } else {
            password = try await AccountService(application: req.application, database: req.db)
                .resetToTemporaryPassword(of: user, actor: principal.auditActor, ip: req.clientIP)
            heading = req.t("accounts_password_reset")
        }
        return try await req.page(
            "securityadmin/secret", title: "accounts_account_title",
            model: SecretModel(heading: heading, subject: user.username, secret: password, extra: nil, back: "/admin/users/\(try user.requireID())"))
    }

    func unlockFromPage(req: Request) async throws -> Response {
        let (principal, user) = try await accountTarget(req)
        try await AccountService(application: req.application, database: req.db).unlock(user, actor: principal.auditActor, ip: req.clientIP)
        return req.redirect(to: done(user, "unlocked"))
    }

    func disableFromPage(req: Request) async throws -> Response {
        let (principal, user) = try await accountTarget(req)
        if AdministratorSeparation.needsApproval(currentRole: user.role, newRole: nil) {
            _ = try await AdministratorRequests(application: req.application, database: req.db)
                .fileChange(.disable, of: user, role: nil, by: principal, ip: req.clientIP)
            return req.redirect(to: "/security/requests?filed=\(user.username)")
        }
        try await AccountService(application: req.application, database: req.db).disable(user, actor: principal.auditActor, ip: req.clientIP)
        return req.redirect(to: done(user, "disabled"))
    }

    func enableFromPage(req: Request) async throws -> Response {
        let (principal, user) = try await accountTarget(req)
        guard !user.active else { return req.redirect(to: done(user, "unchanged")) }
        if AdministratorSeparation.needsApproval(currentRole: user.role, newRole: user.role) {
            _ = try await AdministratorRequests(application: req.application, database: req.db)
                .fileChange(.enable, of: user, role: nil, by: principal, ip: req.clientIP)
            return req.redirect(to: "/security/requests?filed=\(user.username)")
        }
        try await AccountService(application: req.application, database: req.db).enable(user, actor: principal.auditActor, ip: req.clientIP)
        return req.redirect(to: done(user, "enabled"))
    }
}
