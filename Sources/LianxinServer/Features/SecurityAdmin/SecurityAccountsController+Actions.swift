import Vapor
import Fluent
import LianxinCore

/// The actions of the security administrator's account page.
extension SecurityAccountsController {
    func unlock(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        let user = try await target(req, principal)
        try await AccountService(application: req.application, database: req.db).unlock(user, actor: principal.auditActor, ip: req.clientIP)
        return req.redirect(to: "/security/accounts?done=unlocked")
    }

    /// Enrols or resets the second factor and shows the new secret once, for the owner's authenticator app; for an
    /// administrator account the reset is filed for approval and the secret shown to the approver.
    func resetSecondFactor(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        let user = try await target(req, principal)
        if user.role.isAdministrator {
            _ = try await AdministratorRequests(application: req.application, database: req.db)
                .fileChange(.resetSecondFactor, of: user, role: nil, by: principal, ip: req.clientIP)
            return req.redirect(to: "/security/requests?filed=\(user.username)")
        }
        let secret = try await AccountService(application: req.application, database: req.db)
            .resetSecondFactor(of: user, actor: principal.auditActor, ip: req.clientIP)
        let uri = TOTP(secret: TOTP.decodeBase32(secret) ?? []).uri(account: user.username, issuer: "连心 Lianxin")
        return try await req.page(
            "securityadmin/secret", title: "security_totp_title",
            model: SecretModel(heading: req.t("security_totp_title"), subject: user.username, secret: secret, extra: uri, back: "/security/accounts"))
    }

    struct PasswordForm: Content { var password: String? }

    /// Sets a temporary password the owner must change at the next sign-in (filed for approval for an administrator).
    func resetPassword(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        let user = try await target(req, principal)
        let form = try req.content.decode(PasswordForm.self)
        do {
            if user.role.isAdministrator {
                _ = try await AdministratorRequests(application: req.application, database: req.db)
                    .filePasswordReset(of: user, password: form.password ?? "", by: principal, ip: req.clientIP)
                return req.redirect(to: "/security/requests?filed=\(user.username)")
            }
            try await AccountService(application: req.application, database: req.db)
                .resetPassword(of: user, to: form.password ?? "", actor: principal.auditActor, ip: req.clientIP)
        } catch let problem as Problem where problem.status == .unprocessableEntity {
            return try await render(
                req, principal: principal, notice: nil, error: problem.errors.first?.message ?? problem.detail, status: .unprocessableEntity)
        }
        return req.redirect(to: "/security/accounts?done=password")
    }

    struct RoleForm: Content { var role: String? }

    /// Changes a role; to or from an administrator role the change is filed for approval.
    func changeRole(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        let user = try await target(req, principal)
        guard let role = try req.content.decode(RoleForm.self).role.flatMap(Role.init(rawValue:)) else {
            throw Problem.invalid(field: "/role", InputValidator(req).message("security_role_unknown"))
        }
        guard role != user.role else { return req.redirect(to: "/security/accounts") }
        if AdministratorSeparation.needsApproval(currentRole: user.role, newRole: role) {
            _ = try await AdministratorRequests(application: req.application, database: req.db)
                .fileChange(.changeRole, of: user, role: role, by: principal, ip: req.clientIP)
            return req.redirect(to: "/security/requests?filed=\(user.username)")
        }
        try await AccountService(application: req.application, database: req.db).changeRole(
            of: user, to: role, actor: principal.auditActor, ip: req.clientIP)
        return req.redirect(to: "/security/accounts?done=role")
    }

    /// Disables an account; an administrator account is filed for approval.
    func disable(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        let user = try await target(req, principal)
        if AdministratorSeparation.needsApproval(currentRole: user.role, newRole: nil) {
            _ = try await AdministratorRequests(application: req.application, database: req.db)
                .fileChange(.disable, of: user, role: nil, by: principal, ip: req.clientIP)
            return req.redirect(to: "/security/requests?filed=\(user.username)")
        }
        try await AccountService(application: req.application, database: req.db).disable(user, actor: principal.auditActor, ip: req.clientIP)
        return req.redirect(to: "/security/accounts?done=disabled")
    }
}

/// A secret shown once (a TOTP secret, a new Open311 key, a rotated webhook secret, a temporary password).
/// An `otpauth://` link in `extra` is also drawn as a QR code (our own `QRCode`, a PNG data URI) that an
/// authenticator app scans.
struct SecretModel: Encodable, Sendable {
    let heading: String
    let subject: String
    let secret: String
    let extra: String?
    let back: String
    let qrCode: String?

    init(heading: String, subject: String, secret: String, extra: String?, back: String) {
        self.heading = heading
        self.subject = subject
        self.secret = secret
        self.extra = extra
        self.back = back
        qrCode = extra.flatMap { link in
            guard link.hasPrefix("otpauth://"), let code = try? QRCode(encoding: link) else { return nil }
            return "data:image/png;base64," + code.png(scale: 6, quietZone: 4).base64EncodedString()
        }
    }
}
