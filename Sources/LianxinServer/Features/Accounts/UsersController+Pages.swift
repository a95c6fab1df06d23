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
        var divisions: [SelectOption]
        var departments: [SelectOption]
    }

    func newPage(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        return try await renderForm(req, principal: principal, values: ["divisionCode": principal.division.value], errors: [:])
    }

    func createFromForm(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        var input = try req.content.decode(AccountService.NewAccount.self)
        // A blank password: one is generated and shown once, to be handed over and changed at first sign-in.
        let generated = input.password.isEmpty
        if generated { input.password = TemporaryPassword.generate(minimumLength: max(14, req.lianxin.passwordPolicy.minimumLength)) }
        do {
            // An administrator account is only filed here; it is made when another administrator role approves it.
            if AdministratorSeparation.needsApproval(currentRole: nil, newRole: Role(rawValue: input.role)) {
                let request = try await AdministratorRequests(application: req.application, database: req.db)
                    .fileCreation(input, by: principal, ip: req.clientIP)
                guard generated else { return req.redirect(to: "/security/requests?filed=\(request.targetUsername)") }
                return try await showPassword(req, heading: req.t("accounts_created_filed"), username: input.username, password: input.password)
            }
            let user = try await AccountService(application: req.application, database: req.db)
                .create(input, by: principal, actor: principal.auditActor, ip: req.clientIP)
            guard generated else { return req.redirect(to: "/admin/users?created=\(user.username)") }
            return try await showPassword(req, heading: req.t("accounts_created_password"), username: user.username, password: input.password)
        } catch let problem as Problem where problem.status == .unprocessableEntity || problem.status == .conflict {
            var errors = problem.fieldMessages(req.language)
            if generated { errors["password"] = nil }
            let values = [
                "username": input.username, "displayName": input.displayName, "role": input.role,
                "divisionCode": input.divisionCode, "departmentCode": input.departmentCode ?? "",
            ]
            return try await renderForm(req, principal: principal, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    func renderForm(
        _ req: Request, principal: Principal, values: [String: String], errors: [String: String],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let model = FormModel(
            values: values, errors: errors,
            roles: Role.allCases.map { .init(value: $0.rawValue, label: req.t("role_\($0.rawValue)"), selected: values["role"] == $0.rawValue) },
            divisions: try await UnitPages.divisionOptions(for: principal, selected: values["divisionCode"] ?? "", on: req.db),
            departments: try await Self.departmentOptions(principal, selected: values["departmentCode"] ?? "", on: req.db))
        return try await req.page("accounts/user-new", title: "users_new", model: model, status: status)
    }

    /// The generated password of a new account, shown this once.
    func showPassword(_ req: Request, heading: String, username: String, password: String) async throws -> Response {
        try await req.page(
            "securityadmin/secret", title: "users_new",
            model: SecretModel(heading: heading, subject: username, secret: password, extra: nil, back: "/admin/users"))
    }
}
