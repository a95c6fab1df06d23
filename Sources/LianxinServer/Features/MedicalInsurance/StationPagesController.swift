import Vapor
import Fluent
import LianxinCore

/// `/medical-insurance/stations` (前沿哨兵): the station tasks — a supervisor gives them to station workers; a worker
/// opens their own on a phone, answers the checklist item by item and writes what was found, which may go to the
/// leads queue. A refused form comes back with everything typed and each problem beside its field.
struct StationPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("medical-insurance", "stations")
        pages.get(use: index)
        pages.post("tasks", use: assign)
        pages.get("tasks", ":id", use: task)
        pages.post("tasks", ":id", "complete", use: complete)
    }

    struct TaskRow: Encodable, Sendable {
        let id: String
        let kind: String
        let institution: String
        let subject: String
        let due: String
        let status: String
        let statusCode: String
        let assignee: String
        let overdue: Bool
    }

    struct IndexModel: Encodable, Sendable {
        let tasks: [TaskRow]
        let canAssign: Bool
        let kinds: [SelectOption]
        let institutions: [SelectOption]
        let workers: [SelectOption]
        let today: String
        let notice: String
    }

    func index(req: Request) async throws -> Response {
        let principal = try await req.require(.doStationWork)
        let echo = req.formEcho
        let tasks = try await StationWork.list(for: principal, status: nil, on: req.db)
        let institutions = try await InsuranceStore.institutions(on: req.db)
        let workers = try await StationWork.workers(for: principal, on: req.db)
        let names = Dictionary(workers.map { ($0.username, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let today = LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone).description
        let order: [String: Int] = ["assigned": 0, "done": 1, "cancelled": 2]
        let rows = tasks.sorted { (order[$0.status] ?? 3, $0.dueOn) < (order[$1.status] ?? 3, $1.dueOn) }.map { row in
            TaskRow(
                id: row.id?.uuidString ?? "", kind: req.t("mi_task_kind_\(row.kind)"),
                institution: institutions[row.institutionCode]?.name ?? row.institutionCode, subject: row.subject, due: row.dueOn,
                status: req.t("mi_task_status_\(row.status)"), statusCode: row.status, assignee: names[row.assignee] ?? row.assignee,
                overdue: row.status == "assigned" && row.dueOn < today)
        }
        let canAssign = principal.role.can(.superviseMedicalInsurance)
        let inScope = institutions.values.filter { $0.divisionCode.hasPrefix(principal.division.value) }.sorted { $0.name < $1.name }
        let model = IndexModel(
            tasks: rows, canAssign: canAssign,
            kinds: StationTask.Kind.allCases.map { SelectOption(value: $0.rawValue, label: req.t("mi_task_kind_\($0.rawValue)")) }
                .selecting(echo.values["kind"]),
            institutions: inScope.map { SelectOption(value: $0.code, label: $0.name) }.selecting(echo.values["institutionCode"]),
            workers: workers.map { SelectOption(value: $0.username, label: $0.displayName) }.selecting(echo.values["assignee"]),
            today: today, notice: req.query[String.self, at: "done"] != nil ? req.t("mi_task_saved") : "")
        return try await req.page("medical-insurance/stations", title: "mi_stations_title", model: model)
    }

    func assign(req: Request) async throws -> Response {
        let principal = try await req.require(.superviseMedicalInsurance)
        let input = try req.content.decode(StationWork.AssignInput.self)
        do {
            _ = try await StationWork(request: req, principal: principal).assign(input)
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: "/medical-insurance/stations", problem: problem)
        }
        return req.redirect(to: "/medical-insurance/stations?done=1")
    }

    struct ItemRow: Encodable, Sendable {
        let code: String
        let label: String
        let passed: Bool
        let failed: Bool
        let outcome: String
        let note: String
        let error: String
        let noteError: String
    }

    struct TaskModel: Encodable, Sendable {
        let id: String
        let kind: String
        let institution: String
        let subject: String
        let settlement: String
        let due: String
        let status: String
        let assignee: String
        let open: Bool
        let items: [ItemRow]
        let finding: String
        let raiseLead: Bool
        let rules: [SelectOption]
        let amount: String
        let leadID: String
        let canReview: Bool
        let doneAt: String
    }

    func task(req: Request) async throws -> Response {
        let principal = try await req.require(.doStationWork)
        let task = try await StationWork.find(req.parameters.get("id"), for: principal, on: req.db)
        let values = req.formEcho.values
        let errors = req.formEcho.errors
        let kind = StationTask.Kind(rawValue: task.kind) ?? .dailyPatrol
        let saved = (try? JSONDecoder().decode([StationTask.Answer].self, from: Data(task.answers.utf8))) ?? []
        let items = (StationTask.checklists[kind] ?? []).map { code in
            let answer = saved.first { $0.item == code }
            let outcome = values["outcome_\(code)"] ?? answer?.outcome?.rawValue ?? ""
            return ItemRow(
                code: code, label: req.t("mi_check_\(code)"), passed: outcome == "passed", failed: outcome == "failed",
                outcome: outcome.isEmpty ? "" : req.t("mi_outcome_\(outcome)"), note: values["note_\(code)"] ?? answer?.note ?? "",
                error: errors["outcome_\(code)"] ?? "", noteError: errors["note_\(code)"] ?? "")
        }
        let institution = try await InsuranceInstitution.query(on: req.db).filter(\.$code == task.institutionCode).first()
        let assignee = try await User.query(on: req.db).filter(\.$username == task.assignee).first()
        let open = task.status == StationTask.Status.assigned.rawValue
        let rule = values["rule"] ?? ""
        let model = TaskModel(
            id: try task.requireID().uuidString, kind: req.t("mi_task_kind_\(task.kind)"), institution: institution?.name ?? task.institutionCode,
            subject: task.subject, settlement: task.settlementID ?? "", due: task.dueOn, status: req.t("mi_task_status_\(task.status)"),
            assignee: assignee?.displayName ?? task.assignee, open: open, items: items, finding: values["finding"] ?? task.finding,
            raiseLead: values["raiseLead"] == "on",
            rules: StationTask.leadRules.map {
                SelectOption(value: $0.rawValue, label: req.t("mi_rule_\($0.rawValue)"), selected: $0.rawValue == rule)
            },
            amount: values["amount"] ?? "", leadID: task.leadID?.uuidString ?? "", canReview: principal.role.can(.superviseMedicalInsurance),
            doneAt: task.doneAt.map(WorkbenchLookup.beijing) ?? "")
        return try await req.page("medical-insurance/station-task", title: "mi_task_title", model: model)
    }

    func complete(req: Request) async throws -> Response {
        let principal = try await req.require(.doStationWork)
        let task = try await StationWork.find(req.parameters.get("id"), for: principal, on: req.db)
        let values = try req.content.decode([String: String].self)
        let kind = StationTask.Kind(rawValue: task.kind) ?? .dailyPatrol
        let input = StationWork.CompleteInput(
            answers: (StationTask.checklists[kind] ?? []).map { code in
                .init(item: code, outcome: values["outcome_\(code)"], note: values["note_\(code)"])
            },
            finding: values["finding"], raiseLead: values["raiseLead"] == "on", rule: values["rule"], amount: values["amount"])
        do {
            try await StationWork(request: req, principal: principal).complete(task, input)
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: "/medical-insurance/stations/tasks/\(try task.requireID())", problem: problem)
        }
        return req.redirect(to: "/medical-insurance/stations/tasks/\(try task.requireID())")
    }
}
