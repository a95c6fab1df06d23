import Vapor
import Fluent
import LianxinCore

/// The security administrator's pages for credentials other than passwords: the API tokens of accounts in
/// scope, Open311 keys and webhook secrets. Keys and webhooks serve the whole city, so they need a security
/// administrator at city level or above. Every change is audited.
struct SecurityCredentialsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let security = routes.grouped("security")
        security.get("tokens", use: tokensPage)
        security.post("tokens", ":id", "revoke", use: revokeToken)
        security.get("open311-keys", use: keysPage)
        security.post("open311-keys", use: addKey)
        security.post("open311-keys", ":id", "disable", use: disableKey)
        security.get("webhooks", use: webhooksPage)
        security.post("webhooks", ":id", "rotate", use: rotateWebhookSecret)
        security.post("webhooks", ":id", "disable", use: disableWebhook)
    }

    struct TokensModel: Encodable, Sendable { let tokens: [ApiTokenRow] }

    func tokensPage(req: Request) async throws -> Response {
        let principal = try await req.require(.manageSecuritySettings)
        let users = try await AccountLookup.scoped(principal, on: req.db).all()
        let owners = users.reduce(into: [UUID: String]()) { if let id = $1.id { $0[id] = $1.username } }
        let tokens = try await ApiToken.query(on: req.db).filter(\.$user.$id ~~ Array(owners.keys)).sort(\.$createdAt, .descending).limit(500).all()
        let rows = tokens.map { ApiTokenRow($0, owner: owners[$0.$user.id] ?? "", req: req) }
        return try await req.page("securityadmin/tokens", title: "security_tokens_all_title", model: TokensModel(tokens: rows))
    }

    func revokeToken(req: Request) async throws -> Response {
        let principal = try await req.require(.manageSecuritySettings)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let token = try await ApiToken.find(id, on: req.db),
            let owner = try await User.find(token.$user.id, on: req.db)
        else { throw Problem.notFound("token") }
        guard principal.canSee(divisionCode: owner.divisionCode) else { throw await req.outOfScope("token", target: "user:\(owner.username)") }
        try await AccountService(application: req.application, database: req.db)
            .revoke(token, owner: owner.username, actor: principal.auditActor, ip: req.clientIP)
        return req.redirect(to: "/security/tokens")
    }

    /// The principal, if a security administrator at city level or above (keys and webhooks are city-wide).
    func cityLevel(_ req: Request) async throws -> Principal {
        let principal = try await req.require(.manageSecuritySettings)
        guard principal.division.value.count <= 4 else {
            await req.audit(
                .permissionDenied, result: .denied, target: "\(req.method.rawValue) \(req.url.path)", detail: "needs a city-level account")
            throw Problem.forbidden
        }
        return principal
    }
}
