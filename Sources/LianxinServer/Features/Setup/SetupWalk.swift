import Vapor
import Fluent
import LianxinCore

/// The system administrator's walk through the county's setup: each step with its state, the file it
/// takes and the page where it is done by hand.
enum SetupWalk {
    struct Step: Encodable, Sendable {
        let number: Int
        let title: String
        let state: String
        let done: Bool
        let link: String
        let linkLabel: String
        /// The upload this step takes on this page (divisions, units, catalogue, roles), or empty.
        let upload: String
        let help: String
    }

    struct Model: Encodable, Sendable {
        let steps: [Step]
        let notice: String
        let error: String
        let problems: [ImportProblemRow]
        let ready: Bool
        let blockers: Int
    }

    static func render(
        _ req: Request, principal: Principal, notice: String? = nil, error: String = "", problems: [ImportProblemRow] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let root = principal.division
        let db = req.db
        func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
            arguments.reduce(req.t(key)) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
        }
        let townships = try await Division.query(on: db).within(\.$id, root).filter(\.$level == "township").count()
        let units = try await Department.query(on: db).within(\.$divisionCode, root).filter(\.$active == true).count()
        let categories = try await Category.query(on: db).filter(\.$active == true).count()
        let roles = try await DivisionRole.query(on: db).within(\.$divisionCode, root).count()
        let accounts = try await User.query(on: db).within(\.$divisionCode, root).filter(\.$active == true).count()
        let grids = try await Grid.query(on: db).within(\.$communityCode, root).filter(\.$validTo == nil).count()
        let report = try await ReadinessReport.make(within: root, on: db, localizer: req.lianxin.localizer, language: req.language)
        let routing = report.lines.filter { $0.check == Readiness.Check.routing.rawValue }.count
        let blockers = report.lines.filter { $0.severity == Readiness.Severity.blocker.rawValue }.count
        let name = try await Division.find(root.value, on: db)?.name ?? root.value
        let steps = [
            Step(
                number: 1, title: req.t("setup_step_divisions"), state: text("setup_state_divisions", ["name": name, "count": "\(townships)"]),
                done: townships > 0, link: "/divisions", linkLabel: req.t("setup_link_divisions"), upload: "divisions",
                help: req.t("setup_help_divisions")),
            Step(
                number: 2, title: req.t("setup_step_units"), state: text("setup_state_units", ["count": "\(units)"]), done: units > 0,
                link: "/admin/units", linkLabel: req.t("setup_link_units"), upload: "units", help: req.t("setup_help_units")),
            Step(
                number: 3, title: req.t("setup_step_catalogue"), state: text("setup_state_catalogue", ["count": "\(categories)"]),
                done: categories > 0, link: "/admin/catalogue", linkLabel: req.t("setup_link_catalogue"), upload: "catalogue",
                help: req.t("setup_help_catalogue")),
            Step(
                number: 4, title: req.t("setup_step_roles"), state: text("setup_state_roles", ["count": "\(roles)"]), done: roles > 0,
                link: "/admin/catalogue/roles", linkLabel: req.t("setup_link_roles"), upload: "roles", help: req.t("setup_help_roles")),
            Step(
                number: 5, title: req.t("setup_step_routing"),
                state: routing == 0 ? req.t("setup_state_routing_ok") : text("setup_state_routing", ["count": "\(routing)"]),
                done: routing == 0 && units > 0, link: "/admin/readiness", linkLabel: req.t("setup_link_readiness"), upload: "", help: ""),
            Step(
                number: 6, title: req.t("setup_step_accounts"), state: text("setup_state_accounts", ["count": "\(accounts)"]),
                done: !report.lines.contains { $0.check == Readiness.Check.accounts.rawValue }, link: "/admin/users/import",
                linkLabel: req.t("setup_link_accounts"), upload: "", help: req.t("setup_help_accounts")),
            Step(
                number: 7, title: req.t("setup_step_grids"), state: text("setup_state_grids", ["count": "\(grids)"]), done: grids > 0,
                link: "/admin/rules#grids", linkLabel: req.t("setup_link_grids"), upload: "", help: req.t("setup_help_grids")),
        ]
        let model = Model(steps: steps, notice: notice ?? "", error: error, problems: problems, ready: report.ready, blockers: blockers)
        return try await req.page("setup/walk", title: "setup_walk_title", model: model, status: status)
    }
}

extension SetupPagesController {
    struct FileForm: Content {
        var file: File?
        var source: String?
    }

    /// The uploaded file's text, or nil when none was chosen.
    private func uploadedText(_ form: FileForm) -> String? {
        guard let file = form.file, file.data.readableBytes > 0 else { return nil }
        return file.data.getString(at: file.data.readerIndex, length: file.data.readableBytes)
    }

    /// Runs an import of the walk; a refusal re-renders the walk with every problem of the file.
    private func importing(
        _ req: Request, _ principal: Principal, step: String, columnKeys: String, _ body: () async throws -> Void
    ) async throws -> Response {
        do {
            try await body()
        } catch let problem as Problem where [.unprocessableEntity, .payloadTooLarge].contains(problem.status) {
            return try await SetupWalk.render(
                req, principal: principal, error: req.language.pick(problem.detail),
                problems: problem.errors.map { ImportProblemRow($0, columnKeys: columnKeys, req) }, status: problem.status)
        }
        return req.redirect(to: "/setup?done=\(step)")
    }

    func uploadUnits(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        guard let text = uploadedText(try req.content.decode(FileForm.self)) else {
            return try await SetupWalk.render(req, principal: principal, error: req.t("setup_choose_file"), status: .unprocessableEntity)
        }
        return try await importing(req, principal, step: "units", columnKeys: "setup_column_") {
            _ = try await UnitImporter(application: req.application, within: principal.division, actor: principal.auditActor).importCSV(text)
        }
    }

    func uploadCatalogue(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let form = try req.content.decode(FileForm.self)
        let text: String
        if form.source == "default" {
            let path = (req.lianxin.settings.resourcesDirectory as NSString).appendingPathComponent(CatalogueCSV.defaultFile)
            text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        } else if let uploaded = uploadedText(form) {
            text = uploaded
        } else {
            return try await SetupWalk.render(req, principal: principal, error: req.t("setup_choose_file"), status: .unprocessableEntity)
        }
        return try await importing(req, principal, step: "catalogue", columnKeys: "setup_column_") {
            _ = try await CatalogueImporter(application: req.application, actor: principal.auditActor).importCSV(text)
        }
    }

    func uploadRoles(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        guard let text = uploadedText(try req.content.decode(FileForm.self)) else {
            return try await SetupWalk.render(req, principal: principal, error: req.t("setup_choose_file"), status: .unprocessableEntity)
        }
        return try await importing(req, principal, step: "roles", columnKeys: "setup_column_") {
            _ = try await RoleMapping.importCSV(text, application: req.application, by: principal)
        }
    }
}
