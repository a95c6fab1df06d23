import Vapor
import Fluent

/// The signed-in user's own account: see it, change the password, and manage one's own API tokens.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", use: page)
        routes.post("account", "password", use: changePassword)
        routes.get("account", "tokens", use: tokensPage)
        routes.post("account", "tokens", use: createToken)
        routes.post("account", "tokens", ":id", "revoke", use: revokeToken)
    }

    struct Model: Encodable, Sendable {
        var error: String?
        var passwordChangedAt: String
        var lastLoginAt: String
        var expired = false
        var mustChange = false
    }

    func page(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let user = try await User.find(principal.userID, on: req.db) else { throw Problem.unauthorized }
        return try await render(req, user: user, error: nil)
    }

    struct Form: Content {
        var current: String?
        var password: String?
        var confirm: String?
    }

    func changePassword(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let user = try await User.find(principal.userID, on: req.db) else { throw Problem.unauthorized }
        let form = try req.content.decode(Form.self)
        guard try await Passwords(application: req.application).verify(form.current ?? "", against: user.passwordHash) else {
            // A wrong current password counts towards the lockout like a wrong sign-in: whoever found an open
            // session cannot try passwords here without limit. The lock ends every session of the account.
            let context = req.lianxin
            let userID = try user.requireID()
            await req.audit(.loginFailed, result: .failure, target: "user:\(user.username)", detail: "wrong current password")
            if try await AccountLockout.recordFailure(userID: userID, lockout: context.lockout, now: context.now(), on: req.db) {
                try await UserSession.query(on: req.db).filter(\.$user.$id == userID).delete()
                try await AuthEpoch.raise(on: req.db, cache: context.authCache)
                await req.audit(
                    .accountLocked, result: .success, target: "user:\(user.username)",
                    detail: "locked for \(Int(context.lockout.lockDuration / 60)) minutes")
                let response = req.redirect(to: "/login")
                response.cookies[AuthenticationMiddleware.sessionCookie] = .expired
                return response
            }
            return try await render(req, user: user, error: req.t("account_wrong_current"), status: .unprocessableEntity)
        }
        guard form.password == form.confirm else {
            return try await render(req, user: user, error: req.t("account_mismatch"), status: .unprocessableEntity)
        }
        do {
            try await AccountService(application: req.application, database: req.db)
                .resetPassword(of: user, to: form.password ?? "", actor: principal.auditActor, ip: req.clientIP, selfService: true)
        } catch let problem as Problem {
            return try await render(req, user: user, error: problem.detail, status: .unprocessableEntity)
        }
        let response = req.redirect(to: "/login")
        response.cookies[AuthenticationMiddleware.sessionCookie] = .expired
        return response
    }

    private func render(_ req: Request, user: User, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let model = Model(
            error: error, passwordChangedAt: ChinaTime.minute(user.passwordChangedAt),
            lastLoginAt: user.lastLoginAt.map(ChinaTime.minute) ?? "—", expired: req.principal?.passwordExpired ?? false,
            mustChange: user.mustChangePassword)
        return try await req.page("accounts/account", title: "nav_account", model: model, status: status)
    }
}
