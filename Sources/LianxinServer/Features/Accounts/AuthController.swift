import Vapor
import Fluent
import LianxinCore

/// Signing in and out, and the language switch.
struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: loginPage)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
        routes.get("lang", ":code", use: switchLanguage)
        routes.post("api", "v1", "sessions", use: apiLogin)
    }

    struct LoginModel: Encodable, Sendable {
        var username: String
        var next: String
        var error: String?
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var totp: String?
        var next: String?
    }

    func loginPage(req: Request) async throws -> Response {
        if req.principal != nil { return req.redirect(to: "/") }
        let next = RedirectTarget.sameSite(try? req.query.get(String.self, at: "next"))
        return try await req.page("accounts/login", title: "login_title", model: LoginModel(username: "", next: next))
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        let next = RedirectTarget.sameSite(form.next)
        switch try await Self.authenticate(username: username, password: form.password ?? "", code: form.totp, on: req) {
        case .success(let user):
            let response = req.redirect(to: next)
            try await Self.startSession(for: user, on: req, response: response)
            return response
        case .failure(let messageKey):
            return try await req.page(
                "accounts/login", title: "login_title",
                model: LoginModel(username: username, next: next, error: req.t(messageKey)),
                status: .unauthorized)
        }
    }

    /// JSON sign-in for scripts and the browser tests: answers with the session cookie set.
    func apiLogin(req: Request) async throws -> Response {
        struct Body: Content { var username: String; var password: String; var totp: String? }
        let body = try req.content.decode(Body.self)
        switch try await Self.authenticate(username: body.username, password: body.password, code: body.totp, on: req) {
        case .success(let user):
            let response = Response(status: .noContent)
            try await Self.startSession(for: user, on: req, response: response)
            return response
        case .failure(let messageKey):
            throw Problem(.unauthorized, type: "login-failed", title: "Unauthorized", detail: req.lianxin.localizer.text(messageKey, .en))
        }
    }

    func logout(req: Request) async throws -> Response {
        if let principal = req.principal, let sessionID = principal.sessionID {
            try await UserSession.query(on: req.db).filter(\.$id == sessionID).delete()
            try await AuthEpoch.raise(on: req.db, cache: req.lianxin.authCache)
            await req.audit(.logout, result: .success, target: "user:\(principal.username)")
        }
        let response = req.redirect(to: "/login")
        response.cookies[AuthenticationMiddleware.sessionCookie] = .expired
        return response
    }

    func switchLanguage(req: Request) async throws -> Response {
        let code = req.parameters.get("code") ?? ""
        guard let language = Localizer.Language(rawValue: code) else { throw Problem.notFound("language") }
        let back = RedirectTarget.sameSite(try? req.query.get(String.self, at: "back"))
        let response = req.redirect(to: back)
        response.cookies[Request.languageCookie] = HTTPCookies.Value(
            string: language.rawValue, maxAge: 365 * 86400,
            isHTTPOnly: true, sameSite: .lax)
        return response
    }

    enum Outcome { case success(User), failure(messageKey: String) }
}
