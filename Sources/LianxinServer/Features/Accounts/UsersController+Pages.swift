import Vapor
import Fluent
import LianxinCore

/// The account administration pages.
extension UsersController {
    struct ListModel: Encodable, Sendable {
        let users: [Row]
        let notice: String?
        struct Row: Encodable, Sendable {
            let id: String
            let username: String
            let displayName: String
            let roleLabel: String
            let division: String
            let active: Bool
            let locked: Bool
        }
    }

    func listPage(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        let users = try await AccountLookup.scoped(principal, on: req.db).sort(\.$divisionCode).sort(\.$username).limit(500).all()
        let names = try await Division.query(on: req.db).filter(\.$id ~~ Set(users.map(\.divisionCode))).all()
            .reduce(into: [String: String]()) { $0[$1.id ?? ""] = $1.name }
        let now = req.lianxin.now()
        let rows = users.map { user in
            ListModel.Row(
                id: user.id?.uuidString ?? "", username: user.username, displayName: user.displayName,
                roleLabel: req.t("role_\(user.role.rawValue)"), division: names[user.divisionCode] ?? user.divisionCode,
                active: user.active, locked: (user.lockedUntil ?? .distantPast) > now)
        }
        let notice = req.query[String.self, at: "created"].map { String(format: req.t("users_created"), $0) }
        return try await req.page("accounts/users", title: "nav_users", model: ListModel(users: rows, notice: notice))
    }

    struct FormModel: Encodable, Sendable {
        var values: [String: String]
        var errors: [String: String]
        var roles: [SelectOption]
        var departments: [SelectOption]
    }

    func newPage(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        return try await renderForm(req, principal: principal, values: ["divisionCode": principal.division.value], errors: [:])
    }

    func createFromForm(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        let input = try req.content.decode(AccountService.NewAccount.self)
        do {
            // An administrator account is only filed here; it is made when another administrator role approves it.
            if AdministratorSeparation.needsApproval(currentRole: nil, newRole: Role(rawValue: input.role)) {
                let request = try await AdministratorRequests(application: req.application, database: req.db)
                    .fileCreation(input, by: principal, ip: req.clientIP)
                return req.redirect(to: "/security/requests?filed=\(request.targetUsername)")
            }
            let user = try await AccountService(application: req.application, database: req.db)
                .create(input, by: principal, actor: principal.auditActor, ip: req.clientIP)
            return req.redirect(to: "/admin/users?created=\(user.username)")
        } catch let problem as Problem where problem.status == .unprocessableEntity || problem.status == .conflict {
            let errors = problem.errors.reduce(into: [String: String]()) { $0[String($1.field.dropFirst())] = $1.message }
            let values = [
                "username": input.username, "displayName": input.displayName, "role": input.role,
                "divisionCode": input.divisionCode, "departmentCode": input.departmentCode ?? "",
            ]
            return try await renderForm(req, principal: principal, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    func disableFromForm(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        let user = try await AccountLookup.find(req.parameters.get("id"), for: principal, on: req)
        guard user.id != principal.userID else {
            throw Problem.conflict("You cannot disable your own account / 不能停用自己的账号")
        }
        if AdministratorSeparation.needsApproval(currentRole: user.role, newRole: nil) {
            let request = try await AdministratorRequests(application: req.application, database: req.db)
                .fileChange(.disable, of: user, role: nil, by: principal, ip: req.clientIP)
            return req.redirect(to: "/security/requests?filed=\(request.targetUsername)")
        }
        try await AccountService(application: req.application, database: req.db)
            .disable(user, actor: principal.auditActor, ip: req.clientIP)
        return req.redirect(to: "/admin/users")
    }

    func renderForm(
        _ req: Request, principal: Principal, values: [String: String], errors: [String: String],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let departments = try await Department.query(on: req.db)
            .within(\.$divisionCode, DivisionCode(String(principal.division.value.prefix(4))) ?? principal.division)
            .sort(\.$code).all()
        let model = FormModel(
            values: values, errors: errors,
            roles: Role.allCases.map { .init(value: $0.rawValue, label: req.t("role_\($0.rawValue)"), selected: values["role"] == $0.rawValue) },
            departments: departments.map { .init(value: $0.code, label: $0.name, selected: values["departmentCode"] == $0.code) })
        return try await req.page("accounts/user-new", title: "users_new", model: model, status: status)
    }
}
