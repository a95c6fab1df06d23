import Vapor
import Fluent
import LianxinCore

/// `/new-employment`: the figures at a glance (by stage, platform, team, community, month), the workers with their
/// reports and the next stage, the tuition subsidies with their notice, and the forms of community staff.
struct NewEmploymentPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("new-employment")
        pages.get(use: overview)
        pages.post("workers", use: register)
        pages.post("workers", ":id", "stage", use: promote)
        pages.post("subsidies", use: apply)
        pages.post("subsidies", ":id", "actions", use: act)
    }

    struct Line: Encodable, Sendable {
        let label: String
        let workers: Int
        let reports: Int
    }

    struct WorkerRow: Encodable, Sendable {
        let line: NewEmploymentFigures.WorkerLine
        let platform: String
        let stage: String
        let next: SelectOption?
    }

    struct ApplicationRow: Encodable, Sendable {
        let line: NewEmploymentFigures.ApplicationLine
        let status: String
        let onNotice: Bool
        let open: Bool
    }

    struct Model: Encodable, Sendable {
        let figures: NewEmploymentFigures
        let stages: [Line]
        let platforms: [Line]
        let teams: [Line]
        let divisions: [Line]
        let workers: [WorkerRow]
        let applications: [ApplicationRow]
        let platformOptions: [SelectOption]
        let workerOptions: [SelectOption]
        let canManage: Bool
        let divisionPicker: DivisionPicker?
    }

    func overview(req: Request) async throws -> Response {
        let principal = try await req.require(.viewNewEmployment)
        let figures = try await NewEmploymentFigures.load(req, principal: principal)
        let names = Dictionary(
            try await Division.query(on: req.db).filter(\.$id ~~ figures.divisions.map(\.key)).all().map { ($0.id ?? "", $0.name) },
            uniquingKeysWith: { first, _ in first })
        let echo = req.formEcho
        let canManage = principal.role.can(.manageNewEmployment)
        let model = Model(
            figures: figures,
            stages: figures.stages.map { Line(label: req.t("ne_stage_\($0.key)"), workers: $0.workers, reports: $0.reports) },
            platforms: figures.platforms.map { Line(label: req.t("ne_platform_\($0.key)"), workers: $0.workers, reports: $0.reports) },
            teams: figures.teams.map { Line(label: $0.key, workers: $0.workers, reports: $0.reports) },
            divisions: figures.divisions.map { Line(label: names[$0.key] ?? $0.key, workers: $0.workers, reports: $0.reports) },
            workers: figures.list.map { line in
                let next = GrowthStage(rawValue: line.stage)?.next
                return WorkerRow(
                    line: line, platform: req.t("ne_platform_\(line.platform)"), stage: req.t("ne_stage_\(line.stage)"),
                    next: next.map { SelectOption(value: $0.rawValue, label: req.t("ne_promote_to_\($0.rawValue)"), selected: false) })
            },
            applications: figures.applications.map {
                ApplicationRow(
                    line: $0, status: req.t("ne_subsidy_\($0.status)"), onNotice: $0.status == TuitionSubsidy.Status.onNotice.rawValue,
                    open: $0.status == TuitionSubsidy.Status.applied.rawValue || $0.status == TuitionSubsidy.Status.objected.rawValue)
            },
            platformOptions: NewEmploymentService.platforms.map {
                SelectOption(value: $0, label: req.t("ne_platform_\($0)"), selected: echo.values["platform"] == $0)
            },
            workerOptions: figures.list.map { SelectOption(value: $0.id, label: $0.name, selected: echo.values["workerId"] == $0.id) },
            canManage: canManage,
            divisionPicker: canManage
                ? try await DivisionPicker.load(
                    req, id: "ne-division", name: "divisionCode", label: req.t("ne_community"), under: principal.division,
                    selected: echo.values["divisionCode"], empty: req.t("field_picker_choose"), error: echo.errors["divisionCode"] ?? "") : nil)
        return try await req.page("new-employment/overview", title: "ne_title", model: model)
    }

    private func form(_ req: Request, _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: "/new-employment", problem: problem)
        }
        return req.redirect(to: "/new-employment")
    }

    func register(req: Request) async throws -> Response {
        let principal = try await req.require(.manageNewEmployment)
        return try await form(req) {
            _ = try await NewEmploymentService(req: req, principal: principal).register(try req.content.decode(NewEmploymentService.WorkerInput.self))
        }
    }

    func promote(req: Request) async throws -> Response {
        let principal = try await req.require(.manageNewEmployment)
        let worker = try await NewEmploymentService.worker(req.parameters.get("id"), principal, req)
        return try await form(req) {
            try await NewEmploymentService(req: req, principal: principal).promote(
                worker, try req.content.decode(NewEmploymentService.StageInput.self))
        }
    }

    func apply(req: Request) async throws -> Response {
        let principal = try await req.require(.manageNewEmployment)
        return try await form(req) {
            _ = try await NewEmploymentService(req: req, principal: principal).apply(try req.content.decode(NewEmploymentService.SubsidyInput.self))
        }
    }

    func act(req: Request) async throws -> Response {
        let principal = try await req.require(.manageNewEmployment)
        let row = try await NewEmploymentService.application(req.parameters.get("id"), principal, req)
        return try await form(req) {
            try await NewEmploymentService(req: req, principal: principal).act(row, try req.content.decode(NewEmploymentService.ActionInput.self))
        }
    }
}
