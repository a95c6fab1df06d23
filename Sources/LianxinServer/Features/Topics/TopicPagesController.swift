import Fluent
import LianxinCore
import Vapor

/// `/topics` (每月一题): the topics in the caller's division with the form to take one up (from a hotspot or chosen),
/// and `/topics/<id>`: the class's requests month by month before and after, the tasks with their units, the latest
/// requests of the class, and the forms to add a task, report it done and close the topic.
struct TopicPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("topics")
        pages.get(use: list)
        pages.post(use: create)
        pages.get(":id", use: show)
        pages.post(":id", "tasks", use: addTask)
        pages.post(":id", "tasks", ":task", "done", use: finish)
        pages.post(":id", "close", use: close)
    }

    struct Line: Encodable, Sendable {
        let id: String
        let title: String
        let month: String
        let category: String
        let division: String
        let source: String
        let status: String
        let closed: Bool
    }

    struct ListModel: Encodable, Sendable {
        let topics: [Line]
        let canManage: Bool
        let months: [SelectOption]
        let categories: [SelectOption]
        let divisions: [SelectOption]
        let hotspotID: String
        let title: String
        let notice: String
    }

    struct TopicModel: Encodable, Sendable {
        let topic: Line
        let description: String
        let summary: String
        let createdBy: String
        let figures: TopicFigures
        let canManage: Bool
        let myUnit: String
        let units: [SelectOption]
        let deadline: String
        let closable: Bool
        /// A refused "done" form: its task, what was typed and the problem.
        let refusedTask: String
        let refusedNote: String
        let refusedError: String
        let notice: String
    }

    func line(_ row: MonthlyTopicRecord, names: [String: String], categories: [String: String], _ req: Request) -> Line {
        Line(
            id: row.id?.uuidString ?? "", title: row.title, month: row.month, category: categories[row.categoryCode] ?? row.categoryCode,
            division: names[row.divisionCode] ?? row.divisionCode, source: req.t("topic_source_\(row.source)"),
            status: req.t("topic_status_\(row.status)"), closed: row.status == MonthlyTopic.Status.closed.rawValue)
    }

    func list(req: Request) async throws -> Response {
        let principal = try await req.require(.viewTopics)
        let echo = req.formEcho
        let rows = try await MonthlyTopicRecord.query(on: req.db).inScope(\.$divisionCode, principal).sort(\.$month, .descending)
            .sort(\.$createdAt, .descending).limit(200).all()
        let names = try await LeaderDutyNames.divisions(req, principal)
        let categories = try await LeaderDutyChoices.categories(req)
        let categoryNames = Dictionary(categories.map { ($0.value, $0.label) }, uniquingKeysWith: { a, _ in a })
        let canManage = principal.role.can(.manageTopics)
        // Taking up a hotspot: its class and division fill the form.
        var hotspot: HotspotRecord?
        if let raw = req.query[String.self, at: "hotspot"], let id = UUID(uuidString: raw), let found = try await HotspotRecord.find(id, on: req.db),
            let code = DivisionCode(found.divisionCode), principal.canSee(code)
        {
            hotspot = found
        }
        let today = LocalDate(req.lianxin.now(), in: WorkCalendar.shanghai)
        let thisMonth = Period.containing(today, kind: .month)!
        let months = [thisMonth.previous, thisMonth, Period.containing(thisMonth.last.adding(days: 1), kind: .month)!].map {
            SelectOption(value: $0.description, label: $0.description)
        }
        let divisions = canManage ? (try await LeaderDutyChoices.load(req, principal)).divisions : []
        let model = ListModel(
            topics: rows.map { line($0, names: names, categories: categoryNames, req) }, canManage: canManage,
            months: months.selecting(echo.values["month"] ?? thisMonth.description),
            categories: canManage ? categories.selecting(echo.values["categoryCode"] ?? hotspot?.categoryCode) : [],
            divisions: divisions.selecting(echo.values["divisionCode"] ?? hotspot?.divisionCode),
            hotspotID: echo.values["hotspotId"] ?? hotspot?.id?.uuidString ?? "",
            title: echo.values["title"] ?? "", notice: req.query[String.self, at: "closed"] != nil ? req.t("topic_closed_notice") : "")
        return try await req.page("topics/list", title: "topic_title", model: model)
    }

    func show(req: Request) async throws -> Response {
        let principal = try await req.require(.viewTopics)
        let topic = try await TopicService.topic(req.parameters.get("id"), principal, req)
        let names = try await LeaderDutyNames.divisions(req, principal)
        let categories = Dictionary((try await LeaderDutyChoices.categories(req)).map { ($0.value, $0.label) }, uniquingKeysWith: { a, _ in a })
        let figures = try await TopicFigures.load(topic, req)
        let canManage = principal.role.can(.manageTopics)
        let units =
            canManage && topic.status == MonthlyTopic.Status.open.rawValue
            ? try await DepartmentLookup.choices(division: principal.division, for: principal, on: req.db)
                .compactMap { unit in unit.id.map { SelectOption(value: $0.uuidString, label: unit.name) } } : []
        let today = LocalDate(req.lianxin.now(), in: WorkCalendar.shanghai)
        let notice = req.query[String.self, at: "saved"] != nil ? req.t("topic_saved") : ""
        let echo = req.formEcho
        let refused = figures.tasks.first { echo.action.hasSuffix("/tasks/\($0.id)/done") }.map {
            (task: $0.id, note: echo.values["note"] ?? "", error: echo.errors["note"] ?? echo.message)
        }
        let model = TopicModel(
            topic: line(topic, names: names, categories: categories, req), description: topic.description, summary: topic.summary ?? "",
            createdBy: topic.createdBy, figures: figures, canManage: canManage, myUnit: principal.departmentID?.uuidString ?? "",
            units: units.selecting(echo.values["ownerUnitId"]), deadline: echo.values["deadline"] ?? today.adding(days: 30).description,
            closable: canManage && topic.status == MonthlyTopic.Status.open.rawValue
                && MonthlyTopic.closable(tasks: figures.tasks.map { $0.open ? .open : .done }),
            refusedTask: refused?.task ?? "", refusedNote: refused?.note ?? "", refusedError: refused?.error ?? "", notice: notice)
        return try await req.page("topics/topic", title: "topic_title", model: model)
    }

    /// Runs a page form's write; a refusal draws `back` again with the form's values and problems.
    private func form(
        _ req: Request, back: String, action: String, values: [String: String], done: (Principal) async throws -> String
    ) async throws -> Response {
        let principal = try await req.require(.viewTopics)
        do {
            return req.redirect(to: try await done(principal))
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: back, echo: FormEcho(action: action, values: values, problem: problem, req))
        }
    }

    func create(req: Request) async throws -> Response {
        _ = try await req.require(.manageTopics)
        let input = try req.content.decode(TopicService.TopicInput.self)
        let values = [
            "title": input.title ?? "", "month": input.month ?? "", "categoryCode": input.categoryCode ?? "",
            "divisionCode": input.divisionCode ?? "", "description": input.description ?? "", "hotspotId": input.hotspotId ?? "",
        ]
        return try await form(req, back: "/topics", action: "/topics", values: values) { principal in
            let topic = try await TopicService(req: req, principal: principal).create(input)
            return "/topics/\(topic.id?.uuidString ?? "")?saved=1"
        }
    }

    func addTask(req: Request) async throws -> Response {
        let principal = try await req.require(.manageTopics)
        let topic = try await TopicService.topic(req.parameters.get("id"), principal, req)
        let input = try req.content.decode(TopicService.TaskInput.self)
        let back = "/topics/\(topic.id?.uuidString ?? "")"
        let values = ["description": input.description ?? "", "ownerUnitId": input.ownerUnitId ?? "", "deadline": input.deadline ?? ""]
        return try await form(req, back: back, action: back + "/tasks", values: values) { principal in
            _ = try await TopicService(req: req, principal: principal).addTask(topic, input)
            return back + "?saved=1"
        }
    }

    func finish(req: Request) async throws -> Response {
        let principal = try await req.require(.viewTopics)
        let topic = try await TopicService.topic(req.parameters.get("id"), principal, req)
        let task = try await TopicService.task(req.parameters.get("task"), of: topic, req)
        let input = try req.content.decode(TopicService.DoneInput.self)
        let back = "/topics/\(topic.id?.uuidString ?? "")"
        return try await form(req, back: back, action: back + "/tasks/\(task.id?.uuidString ?? "")/done", values: ["note": input.note ?? ""]) {
            principal in
            try await TopicService(req: req, principal: principal).finish(topic, task, input)
            return back + "?saved=1"
        }
    }

    func close(req: Request) async throws -> Response {
        let principal = try await req.require(.manageTopics)
        let topic = try await TopicService.topic(req.parameters.get("id"), principal, req)
        let input = try req.content.decode(TopicService.CloseInput.self)
        let back = "/topics/\(topic.id?.uuidString ?? "")"
        return try await form(req, back: back, action: back + "/close", values: ["summary": input.summary ?? ""]) { principal in
            try await TopicService(req: req, principal: principal).close(topic, input)
            return back + "?saved=1"
        }
    }
}
