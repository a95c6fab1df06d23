import Vapor
import Fluent
import LianxinCore

/// One's own API tokens: listed, made (with the password and, for an administrator, a TOTP code, because a
/// token is used without either) and revoked.
extension AccountController {
    struct TokensModel: Encodable, Sendable {
        var tokens: [ApiTokenRow]
        var needsCode: Bool
        var error: String?
        var created: String?
        /// The purpose typed, kept when the form comes back.
        var name: String = ""
    }

    struct TokenForm: Content {
        var name: String?
        var password: String?
        var totp: String?
    }

    func tokensPage(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        return try await renderTokens(req, principal: principal, error: nil, created: nil)
    }

    func createToken(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard principal.sessionID != nil, let user = try await User.find(principal.userID, on: req.db) else { throw Problem.forbidden }
        guard !principal.passwordExpired, !principal.mustChangePassword else {
            return try await renderTokens(req, principal: principal, error: req.t("security_must_change"), created: nil, status: .forbidden)
        }
        let form = try req.content.decode(TokenForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        guard (1...64).contains(name.count), InputValidator.isPlain(name) else {
            return try await renderTokens(
                req, principal: principal, error: req.t("security_token_name_invalid"), created: nil, name: form.name ?? "",
                status: .unprocessableEntity)
        }
        let context = req.lianxin
        var confirmed = try await Passwords(application: req.application).verify(form.password ?? "", against: user.passwordHash)
        if confirmed, Self.needsCode(user, context) {
            let totp = TOTP(secret: TOTP.decodeBase32(try user.totpSecretCipher.map(context.cipher.open) ?? "") ?? [])
            if let step = form.totp.flatMap({ totp.verify($0, at: context.now()) }), Int(step) > (user.totpLastStep ?? -1) {
                user.totpLastStep = Int(step)
                try await user.update(on: req.db)
            } else {
                confirmed = false
            }
        }
        guard confirmed else {
            let userID = try user.requireID()
            await req.audit(.loginFailed, result: .failure, target: "user:\(user.username)", detail: "token creation not confirmed")
            _ = try await AccountLockout.recordFailure(userID: userID, lockout: context.lockout, now: context.now(), on: req.db)
            return try await renderTokens(
                req, principal: principal, error: req.t("security_token_confirm_failed"), created: nil, name: name, status: .unprocessableEntity)
        }
        let token = try await AccountService(application: req.application, database: req.db)
            .issueToken(for: user, name: name, actor: principal.auditActor, ip: req.clientIP)
        return try await renderTokens(req, principal: principal, error: nil, created: token, status: .created)
    }

    func revokeToken(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let token = try await ApiToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == principal.userID).first()
        else { throw Problem.notFound("token") }
        try await AccountService(application: req.application, database: req.db)
            .revoke(token, owner: principal.username, actor: principal.auditActor, ip: req.clientIP)
        return req.redirect(to: "/account/tokens")
    }

    private static func needsCode(_ user: User, _ context: LianxinContext) -> Bool {
        (context.settings.adminTOTP && user.role.isAdministrator) || user.totpSecretCipher != nil
    }

    private func renderTokens(
        _ req: Request, principal: Principal, error: String?, created: String?, name: String = "", status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        guard let user = try await User.find(principal.userID, on: req.db) else { throw Problem.unauthorized }
        let tokens = try await ApiToken.query(on: req.db).filter(\.$user.$id == principal.userID).sort(\.$createdAt, .descending).limit(100).all()
        let rows = tokens.map { ApiTokenRow($0, owner: principal.username, req: req) }
        let model = TokensModel(tokens: rows, needsCode: Self.needsCode(user, req.lianxin), error: error, created: created, name: name)
        return try await req.page("accounts/tokens", title: "security_tokens_title", model: model, status: status)
    }
}
