import Vapor
import Fluent
import LianxinCore

/// One account's page for the security administrator: its details and the forms that change them.
extension UsersController {
    struct AccountModel: Encodable, Sendable {
        let id: String
        let username: String
        let displayName: String
        let phone: String
        let roleLabel: String
        let division: String
        let department: String
        let active: Bool
        let locked: Bool
        let mustChange: Bool
        let secondFactor: Bool
        let administrator: Bool
        let own: Bool
        let lastLogin: String
        let grids: [String]
        let roles: [SelectOption]
        let divisions: [SelectOption]
        let departments: [SelectOption]
        let values: [String: String]
        let errors: [String: String]
        let notice: String?
    }

    func accountPage(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        let user = try await AccountLookup.find(req.parameters.get("id"), for: principal, on: req)
        let notice = req.query[String.self, at: "done"].map { req.t("accounts_done_\($0)") }
        return try await renderAccount(req, principal: principal, user: user, values: [:], errors: [:], notice: notice)
    }

    func renderAccount(
        _ req: Request, principal: Principal, user: User, values: [String: String], errors: [String: String], notice: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let service = AccountService(application: req.application, database: req.db)
        let division = try await Division.find(user.divisionCode, on: req.db)
        let department = try await user.$department.get(on: req.db)
        let grids = try await GridStaffAssignment.query(on: req.db).filter(\.$userID == user.requireID()).filter(\.$validTo == nil).all()
        let value = { (key: String, current: String) in values[key] ?? current }
        let model = AccountModel(
            id: try user.requireID().uuidString, username: user.username, displayName: value("displayName", user.displayName),
            phone: try service.maskedPhone(of: user) ?? "", roleLabel: req.t("role_\(user.role.rawValue)"),
            division: division?.name ?? user.divisionCode, department: department?.name ?? "", active: user.active,
            locked: req.lianxin.lockout.isLocked(until: user.lockedUntil, at: req.lianxin.now()), mustChange: user.mustChangePassword,
            secondFactor: user.totpSecretCipher != nil, administrator: user.role.isAdministrator, own: user.id == principal.userID,
            lastLogin: user.lastLoginAt.map(ChinaTime.minute) ?? "—",
            grids: grids.map { "\($0.gridCode)（\(req.t("accounts_grid_\($0.role)"))）" },
            roles: Role.allCases.map {
                .init(value: $0.rawValue, label: req.t("role_\($0.rawValue)"), selected: value("role", user.role.rawValue) == $0.rawValue)
            },
            divisions: try await UnitPages.divisionOptions(for: principal, selected: value("divisionCode", user.divisionCode), on: req.db),
            departments: try await Self.departmentOptions(principal, selected: value("departmentCode", department?.code ?? ""), on: req.db),
            values: values, errors: errors, notice: notice)
        return try await req.page("accounts/user", title: "accounts_account_title", model: model, status: status)
    }

    /// The units an account in the principal's scope may belong to.
    static func departmentOptions(_ principal: Principal, selected: String, on db: any Database) async throws -> [SelectOption] {
        try await Department.query(on: db).filter(\.$active == true).sort(\.$code).all()
            .filter { UnitLookup.visible($0, to: principal) }
            .map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == selected) }
    }
}
