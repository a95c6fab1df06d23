import Vapor
import Fluent
import LianxinCore

/// The home page each role lands on after signing in.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    struct Card: Encodable, Sendable {
        let href: String
        let title: String
        let text: String
    }

    struct Model: Encodable, Sendable {
        let greeting: String
        let division: String
        let divisionPath: [String]
        let subdivisions: Int
        let accounts: Int
        let cards: [Card]
    }

    func home(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        async let path = DivisionQueries.path(to: principal.division, on: req.db)
        async let subdivisions = Division.query(on: req.db).filter(\.$parentCode == principal.division.value).count()
        async let accounts = User.query(on: req.db).within(\.$divisionCode, principal.division).count()
        let names = try await path.map(\.name)
        var cards = [Card(href: "/divisions", title: req.t("nav_divisions"), text: req.t("home_card_divisions"))]
        if principal.role.can(.manageAccounts) {
            cards.append(Card(href: "/admin/users", title: req.t("nav_users"), text: req.t("home_card_users")))
        }
        if principal.role.can(.manageAccounts) {
            cards.append(Card(href: "/security/accounts", title: req.t("nav_security"), text: req.t("home_card_security")))
        }
        if principal.role.can(.approveAdministratorChanges) {
            cards.append(Card(href: "/security/requests", title: req.t("security_requests_title"), text: req.t("home_card_approvals")))
        }
        if principal.role.can(.readAuditLog) {
            cards.append(Card(href: "/audit", title: req.t("nav_audit"), text: req.t("home_card_audit")))
        }
        cards.append(Card(href: "/account", title: req.t("nav_account"), text: req.t("home_card_account")))
        let model = Model(
            greeting: req.t("home_duty_\(principal.role.rawValue)"), division: names.last ?? principal.division.value,
            divisionPath: names, subdivisions: try await subdivisions, accounts: try await accounts, cards: cards)
        return try await req.page("accounts/home", title: "home_title", model: model)
    }
}
