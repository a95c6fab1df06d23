import Vapor
import Fluent
import LianxinCore

/// The first run's pages: the division file, the county in it, then the three administrators.
enum FirstRun {
    /// The division list shipped with Lianxin (China down to counties), offered when the county has no file at hand.
    static let shippedDivisions = PlaceDirectory.shippedFile

    struct WrongCode: Error {}

    /// One field of a form, with what was typed and its problem.
    struct FieldBox: Encodable, Sendable {
        let name: String
        let label: String
        let value: String
        let error: String
        let type: String
        let autocomplete: String
    }

    /// One administrator's part of the accounts form.
    struct AccountBlock: Encodable, Sendable {
        let heading: String
        let hint: String
        let fields: [FieldBox]
    }

    struct Model: Encodable, Sendable {
        /// divisions, county or accounts.
        let step: String
        let firstRun: Bool
        let code: String
        let token: String
        let counties: [SelectOption]
        let error: String
        let problems: [ImportProblemRow]
        let accounts: [AccountBlock]
        let codeError: String
        var passwordHelp = ""
    }

    /// The three administrators (三员), each a different person.
    static let administrators: [(prefix: String, role: Role)] = [("admin", .admin), ("secadmin", .securityAdmin), ("auditor", .auditor)]

    /// The first-run page at its current step: no county yet → the division file; else the administrators.
    static func render(
        _ req: Request, code: String? = nil, county: String? = nil, error: String = "", values: [String: String] = [:],
        errors: [String: String] = [:], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let counties = try await Division.query(on: req.db).filter(\.$level == "county").sort(\.$id).all()
        if counties.isEmpty {
            return try await page(req, Model(step: "divisions", code: code, error: error, codeError: status == .forbidden ? error : ""), status)
        }
        let chosen = values["county"] ?? county ?? counties.first?.id ?? ""
        let options = counties.map { SelectOption(value: $0.id ?? "", label: $0.name, selected: $0.id == chosen) }
        let blocks = administrators.map { prefix, role in
            AccountBlock(
                heading: req.t("role_\(role.rawValue)"), hint: req.t("setup_hint_\(prefix)"),
                fields: [
                    ("username", "username", "text", "off"), ("name", "display_name", "text", "off"),
                    ("password", "password", "password", "new-password"),
                ].map { field, label, type, autocomplete in
                    let name = "\(prefix)_\(field)"
                    return FieldBox(
                        name: name, label: req.t(label), value: type == "password" ? "" : values[name] ?? "", error: errors[name] ?? "",
                        type: type, autocomplete: autocomplete)
                })
        }
        var model = Model(
            step: "accounts", code: code, counties: options, error: error, accounts: blocks,
            codeError: status == .forbidden ? error : errors["code"] ?? "")
        let policy = req.lianxin.passwordPolicy
        model.passwordHelp = req.t("setup_password_help").replacingOccurrences(of: "{length}", with: "\(policy.minimumLength)")
            .replacingOccurrences(of: "{classes}", with: "\(policy.requiredClasses)")
        return try await page(req, model, status)
    }

    private static func page(_ req: Request, _ model: Model, _ status: HTTPResponseStatus) async throws -> Response {
        try await req.page("setup/first-run", title: "setup_title", model: model, status: status)
    }

    /// The division step again, with the file's problems.
    static func failDivisions(
        _ req: Request, _ principal: Principal?, code: String?, error: String, problems: [ImportProblemRow] = []
    ) async throws -> Response {
        guard let principal else {
            return try await page(req, Model(step: "divisions", code: code, error: error, problems: problems), .unprocessableEntity)
        }
        return try await SetupWalk.render(req, principal: principal, error: error, problems: problems, status: .unprocessableEntity)
    }

    /// The county step: the counties of the uploaded file.
    static func renderCountyChoice(
        _ req: Request, _ principal: Principal?, code: String, token: String, counties: [(code: String, name: String)], error: String = ""
    ) async throws -> Response {
        let options = counties.map { SelectOption(value: $0.code, label: $0.name) }
        return try await page(
            req, Model(step: "county", firstRun: principal == nil, code: code, token: token, counties: options, error: error),
            error.isEmpty ? .ok : .unprocessableEntity)
    }
}

extension FirstRun.Model {
    init(
        step: String, firstRun: Bool = true, code: String?, token: String = "", counties: [SelectOption] = [], error: String = "",
        problems: [ImportProblemRow] = [], accounts: [FirstRun.AccountBlock] = [], codeError: String = ""
    ) {
        self.init(
            step: step, firstRun: firstRun, code: code ?? "", token: token, counties: counties, error: error, problems: problems, accounts: accounts,
            codeError: codeError)
    }
}

extension SetupPagesController {
    /// Creates the three administrators of the county chosen, all or none, and shows each second
    /// factor once. The system administrator keeps the password typed; the other two must change theirs.
    func createAdministrators(req: Request) async throws -> Response {
        guard try await Self.isFirstRun(req) else { return req.redirect(to: "/login") }
        let values = try req.content.decode([String: String].self)
        guard SetupCode.matches(values["code"], req.lianxin.cipher) else {
            await req.audit(.permissionDenied, result: .denied, target: "setup", detail: "wrong setup code")
            return try await FirstRun.render(req, values: values, errors: ["code": req.t("setup_code_wrong")], status: .forbidden)
        }
        let service = AccountService(application: req.application, database: req.db)
        var errors: [String: String] = [:]
        var checked: [(AccountService.CheckedAccount, password: String, temporary: Bool)] = []
        var seen: Set<String> = []
        let county = values["county"] ?? ""
        for (prefix, role) in FirstRun.administrators {
            let input = AccountService.NewAccount(
                username: values["\(prefix)_username"] ?? "", displayName: values["\(prefix)_name"] ?? "",
                password: values["\(prefix)_password"] ?? "", role: role.rawValue, divisionCode: county, departmentCode: nil)
            do {
                let account = try await service.validate(input, by: nil)
                if !seen.insert(account.username).inserted {
                    errors["\(prefix)_username"] = req.t("setup_username_twice")
                } else {
                    checked.append((account, input.password, role != .admin))
                }
            } catch let problem as Problem where problem.status == .unprocessableEntity {
                for error in problem.errors {
                    let field = ["/displayName": "name", "/divisionCode": "county"][error.field] ?? String(error.field.dropFirst())
                    errors[field == "county" ? "county" : "\(prefix)_\(field)"] = req.language.pick(error.message)
                }
            }
        }
        guard errors.isEmpty else {
            return try await FirstRun.render(
                req, code: values["code"], error: req.t("setup_accounts_problems"), values: values, errors: errors, status: .unprocessableEntity)
        }
        let passwords = Passwords(application: req.application)
        var hashes: [String] = []
        for account in checked { hashes.append(try await passwords.hash(account.password)) }
        let hashed = hashes
        let accounts = checked
        let secrets = try await req.lianxin.writes.run {
            try await req.db.transaction { db -> [String] in
                guard try await User.query(on: db).count() == 0 else { throw Abort(.conflict) }
                let writer = AccountService(application: req.application, database: db)
                var secrets: [String] = []
                for (index, account) in accounts.enumerated() {
                    let user = try await writer.insert(
                        account.0, passwordHash: hashed[index], temporaryPassword: account.temporary, actor: Self.firstRunActor, ip: req.clientIP)
                    secrets.append(try await writer.resetSecondFactor(of: user, actor: Self.firstRunActor, ip: req.clientIP))
                }
                return secrets
            }
        }
        let cards = zip(accounts, secrets).map { account, secret in
            SecretModel(
                heading: req.t("role_\(account.0.role.rawValue)"), subject: account.0.username, secret: secret,
                extra: TOTP(secret: TOTP.decodeBase32(secret) ?? []).uri(account: account.0.username, issuer: "连心 Lianxin"), back: "/login")
        }
        return try await req.page("setup/first-run-done", title: "setup_title", model: Done(cards: cards))
    }

    struct Done: Encodable, Sendable {
        let cards: [SecretModel]
    }
}
