import Vapor
import Fluent
import LianxinCore

/// The changes to administrator accounts waiting for the second approval: the security administrator sees
/// what they filed, the system administrator approves or rejects (三员分立).
struct AdministratorRequestsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let requests = routes.grouped("security", "requests")
        requests.get(use: listPage)
        requests.post(":id", "approve", use: approve)
        requests.post(":id", "reject", use: reject)
    }

    struct Model: Encodable, Sendable {
        let requests: [Row]
        let notice: String?
        let canDecide: Bool

        struct Row: Encodable, Sendable {
            let id: String
            let change: String
            let username: String
            let role: String?
            let division: String?
            let requestedBy: String
            let requestedAt: String
            let status: String
            let pending: Bool
            let decidedBy: String?
            /// Whether the one looking may approve or reject it: a pending request, filed by someone else,
            /// about someone else's account (the service checks the same again).
            let mayDecide: Bool
            /// Why they may not, when it is pending and they approve others.
            let ownAccount: Bool
        }
    }

    func listPage(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard principal.role.can(.manageAccounts) || principal.role.can(.approveAdministratorChanges) else {
            _ = try await req.require(.approveAdministratorChanges)
            throw Problem.forbidden
        }
        let service = AdministratorRequests(application: req.application, database: req.db)
        var requests: [AdministratorRequest] = []
        for request in try await AdministratorRequest.query(on: req.db).sort(\.$requestedAt, .descending).limit(200).all()
        where try await service.isVisible(request, to: principal) {
            requests.append(request)
        }
        let canDecide = principal.role.can(.approveAdministratorChanges)
        let divisions = try await DivisionQueries.names(of: requests.compactMap(\.divisionCode), on: req.db)
        let rows = requests.map { request in
            let own = request.targetUsername == principal.username || request.requestedByID == principal.userID
            return Model.Row(
                id: request.id?.uuidString ?? "", change: req.t("security_change_\(request.change.rawValue)"), username: request.targetUsername,
                role: request.role.map { req.t("role_\($0.rawValue)") }, division: request.divisionCode.map { divisions[$0] ?? $0 },
                requestedBy: request.requestedByName,
                requestedAt: ChinaTime.minute(request.requestedAt), status: req.t("security_request_\(request.status.rawValue)"),
                pending: request.status == .pending, decidedBy: request.decidedByName,
                mayDecide: canDecide && request.status == .pending && !own, ownAccount: canDecide && request.status == .pending && own)
        }
        var notice = req.query[String.self, at: "filed"].map { req.t("security_request_filed").replacingOccurrences(of: "{username}", with: $0) }
        if let done = req.query[String.self, at: "decided"], ["approved", "rejected"].contains(done) {
            notice = req.t("security_request_\(done)_notice")
        }
        return try await req.page(
            "securityadmin/requests", title: "security_requests_title",
            model: Model(requests: rows, notice: notice, canDecide: canDecide))
    }

    func approve(req: Request) async throws -> Response {
        let principal = try await req.require(.approveAdministratorChanges)
        let request = try await find(req, principal)
        let secret = try await AdministratorRequests(application: req.application, database: req.db).approve(request, by: principal, ip: req.clientIP)
        if let secret {
            let uri = TOTP(secret: TOTP.decodeBase32(secret) ?? []).uri(account: request.targetUsername, issuer: "连心 Lianxin")
            return try await req.page(
                "securityadmin/secret", title: "security_totp_title",
                model: SecretModel(
                    heading: req.t("security_totp_title"), subject: request.targetUsername, secret: secret, extra: uri, back: "/security/requests"))
        }
        return req.redirect(to: "/security/requests?decided=approved")
    }

    func reject(req: Request) async throws -> Response {
        let principal = try await req.require(.approveAdministratorChanges)
        let request = try await find(req, principal)
        try await AdministratorRequests(application: req.application, database: req.db).reject(request, by: principal, ip: req.clientIP)
        return req.redirect(to: "/security/requests?decided=rejected")
    }

    /// The request named in the path if its account lies in the principal's scope; 404 otherwise.
    private func find(_ req: Request, _ principal: Principal) async throws -> AdministratorRequest {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let request = try await AdministratorRequest.find(id, on: req.db)
        else { throw Problem.notFound("request") }
        guard try await AdministratorRequests(application: req.application, database: req.db).isVisible(request, to: principal) else {
            throw await req.outOfScope("request", target: "user:\(request.targetUsername)")
        }
        return request
    }
}
