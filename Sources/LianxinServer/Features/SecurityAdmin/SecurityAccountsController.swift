import Vapor
import Fluent
import LianxinCore

/// The security administrator's account pages: every account in scope with its state, and the actions on it
/// (unlock, second factor, password reset, role, disable). A change to an administrator account is filed for
/// the second approval instead of made (三员分立).
struct SecurityAccountsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let accounts = routes.grouped("security", "accounts")
        accounts.get(use: listPage)
        accounts.post(":id", "unlock", use: unlock)
        accounts.post(":id", "totp", use: resetSecondFactor)
        accounts.post(":id", "password", use: resetPassword)
        accounts.post(":id", "role", use: changeRole)
        accounts.post(":id", "disable", use: disable)
    }

    struct ListModel: Encodable, Sendable {
        let accounts: [Row]
        let roles: [SelectOption]
        let notice: String?
        let error: String?

        struct Row: Encodable, Sendable {
            let id: String
            let username: String
            let displayName: String
            let role: String
            let roleLabel: String
            let division: String
            let active: Bool
            let locked: Bool
            let secondFactor: Bool
            let mustChange: Bool
            let administrator: Bool
            let canAct: Bool
        }
    }

    func listPage(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        let notice = req.query[String.self, at: "done"].map { req.t("security_done_\($0)") }
        return try await render(req, principal: principal, notice: notice, error: nil)
    }

    func render(_ req: Request, principal: Principal, notice: String?, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let users = try await AccountLookup.scoped(principal, on: req.db).sort(\.$divisionCode).sort(\.$username).limit(1000).all()
        let names = try await Division.query(on: req.db).filter(\.$id ~~ Set(users.map(\.divisionCode))).all()
            .reduce(into: [String: String]()) { $0[$1.id ?? ""] = $1.name }
        let now = req.lianxin.now()
        let rows = users.map { user in
            ListModel.Row(
                id: user.id?.uuidString ?? "", username: user.username, displayName: user.displayName, role: user.role.rawValue,
                roleLabel: req.t("role_\(user.role.rawValue)"), division: names[user.divisionCode] ?? user.divisionCode, active: user.active,
                locked: req.lianxin.lockout.isLocked(until: user.lockedUntil, at: now), secondFactor: user.totpSecretCipher != nil,
                mustChange: user.mustChangePassword, administrator: user.role.isAdministrator, canAct: user.active && user.id != principal.userID)
        }
        let roles = Role.allCases.map { SelectOption(value: $0.rawValue, label: req.t("role_\($0.rawValue)"), selected: false) }
        return try await req.page(
            "securityadmin/accounts", title: "security_accounts_title", model: ListModel(accounts: rows, roles: roles, notice: notice, error: error),
            status: status)
    }

    /// The account named in the path, in scope and not the principal's own (their own is changed on the account page).
    func target(_ req: Request, _ principal: Principal) async throws -> User {
        let user = try await AccountLookup.find(req.parameters.get("id"), for: principal, on: req)
        guard user.id != principal.userID else { throw Problem.conflict(InputValidator(req).message("security_not_yourself")) }
        return user
    }
}
