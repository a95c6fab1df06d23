import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Hotspots for leaders and dispatchers (未诉先办): the latest pass's hotspots in the user's
/// division, each explained, and one action that turns a hotspot into a proactive task.
struct HotspotsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("hotspots", use: list)
        api.get("hotspots", ":id", use: show)
        api.post("hotspots", ":id", "task", use: task)
        api.post("hotspots", ":id", "dismiss", use: dismiss)
        api.post("hotspots", "runs", use: runNow)
        api.get("hotspot-parameters", use: parameters)
        api.put("hotspot-parameters", use: saveParameters)
        routes.get("hotspots", use: page)
        routes.post("hotspots", ":id", "task", use: taskFromForm)
        routes.post("hotspots", ":id", "dismiss", use: dismissFromForm)
    }

    // MARK: DTOs

    struct CategoryCount: Content { var code: String; var name: String; var count: Int }

    struct Sample: Content {
        var orderId: UUID
        var number: String
        var title: String
        var status: String
        var createdAt: Date
    }

    struct HotspotDTO: Content {
        var id: UUID
        var runId: UUID
        var divisionCode: String
        var divisionName: String
        var mainDivisionCode: String
        var latitude: Double
        var longitude: Double
        var radiusMeters: Double
        var orderCount: Int
        var previousCount: Int
        var trend: String
        var categoryCode: String
        var categoryName: String
        var categories: [CategoryCount]
        var firstAt: Date
        var lastAt: Date
        var windowHours: Double
        /// Where, what, how many, and the trend, in the reader's language.
        var explanation: String
        var status: String
        var taskOrderId: UUID?
        var note: String?
        /// A few member orders, latest first (detail only).
        var samples: [Sample]?
    }

    struct RunDTO: Content {
        var id: UUID
        var windowEnd: Date
        var finishedAt: Date?
        var orderCount: Int
        var hotspotCount: Int
        var durationMs: Double
        var parameters: HotspotService.Settings?

        init(_ run: HotspotRun) {
            id = run.id ?? UUID()
            windowEnd = run.windowEnd
            finishedAt = run.finishedAt
            orderCount = run.orderCount
            hotspotCount = run.hotspotCount
            durationMs = (run.durationMilliseconds * 10).rounded() / 10
            parameters = try? JSONDecoder().decode(HotspotService.Settings.self, from: Data(run.parameters.utf8))
        }
    }

    struct HotspotList: Content {
        /// The pass shown (the latest finished); nil before the first pass.
        var run: RunDTO?
        var items: [HotspotDTO]
    }

    // MARK: API

    func list(req: Request) async throws -> HotspotList {
        let principal = try await req.require(.viewHotspots)
        let status = try req.query.get(String?.self, at: "status") ?? "all"
        guard ["all", "open", "tasked", "dismissed"].contains(status) else {
            throw Problem.invalid(field: "/status", "one of all, open, tasked, dismissed")
        }
        return try await Self.latest(for: principal, status: status, req)
    }

    func show(req: Request) async throws -> HotspotDTO {
        let principal = try await req.require(.viewHotspots)
        let record = try await Self.find(req.parameters.get("id"), for: principal, req)
        return try await Self.dto(record, req, samples: true, principal: principal)
    }

    struct TaskInput: Content {
        var title: String?
        var description: String?
    }

    /// Creates the proactive task (channel `proactive`) through the normal intake: validated,
    /// routed by the category's rule, clocked. A hotspot becomes one task at most (409 after).
    func task(req: Request) async throws -> Response {
        let principal = try await req.require(.createProactiveTasks)
        let record = try await Self.find(req.parameters.get("id"), for: principal, req)
        let input = try req.content.decode(TaskInput.self)
        let order = try await Self.createTask(record, input: input, principal: principal, req)
        let dto = try await WorkOrdersController.dto(order, req)
        let response = try await dto.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/work-orders/\(dto.id)")
        return response
    }

    struct DismissInput: Content { var reason: String? }

    /// Marks a hotspot as not needing a task, with the reason.
    func dismiss(req: Request) async throws -> HotspotDTO {
        let principal = try await req.require(.createProactiveTasks)
        let record = try await Self.find(req.parameters.get("id"), for: principal, req)
        let reason = try req.content.decode(DismissInput.self).reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard (2...500).contains(reason.count) else { throw Problem.invalid(field: "/reason", "2–500 characters / 请填写 2–500 字的理由") }
        try await Self.mark(record, status: "dismissed", order: nil, note: reason, principal: principal, req)
        return try await Self.dto(record, req, samples: false, principal: principal)
    }

    func runNow(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        guard let run = try await HotspotService.run(app: req.application, windowEnd: req.lianxin.now(), slot: nil) else {
            throw Problem.conflict("a pass is already running / 正在分析中")
        }
        await req.audit(.settingsChanged, result: .success, target: "hotspots:run", detail: "\(run.hotspotCount) hotspots",
                        actor: principal.auditActor)
        return try await RunDTO(run).encodeResponse(status: .created, for: req)
    }

    func parameters(req: Request) async throws -> HotspotService.Settings {
        if !(try req.requirePrincipal()).role.can(.manageRules) { _ = try await req.require(.viewHotspots) }
        return try await HotspotService.settings(on: req.db)
    }

    func saveParameters(req: Request) async throws -> HotspotService.Settings {
        let principal = try await req.require(.manageRules)
        let settings = try req.content.decode(HotspotService.Settings.self)
        try await HotspotService.save(settings, by: principal.auditActor, app: req.application)
        return settings
    }

    // MARK: Page

    struct PageModel: Encodable, Sendable {
        var run: RunDTO?
        /// When the shown pass's window ended, in Beijing time.
        var runLabel: String?
        var items: [HotspotDTO]
        var canTask: Bool
        var notice: String?
        var error: String?
    }

    func page(req: Request) async throws -> Response {
        let principal = try await req.require(.viewHotspots)
        let list = try await Self.latest(for: principal, status: "all", req)
        return try await req.page("intelligence/hotspots", title: "nav_hotspots", model: PageModel(
            run: list.run, runLabel: list.run.map { Self.beijingTime($0.windowEnd) }, items: list.items, canTask: principal.role.can(.createProactiveTasks),
            notice: try? req.query.get(String.self, at: "notice"), error: try? req.query.get(String.self, at: "error")))
    }

    func taskFromForm(req: Request) async throws -> Response {
        let principal = try await req.require(.createProactiveTasks)
        do {
            let record = try await Self.find(req.parameters.get("id"), for: principal, req)
            let order = try await Self.createTask(record, input: TaskInput(), principal: principal, req)
            return req.redirect(to: "/hotspots?notice=" + Self.queryEscaped(req.t("hotspots_tasked") + " " + order.number))
        } catch let problem as Problem where problem.status != .notFound {
            return req.redirect(to: "/hotspots?error=" + Self.queryEscaped(problem.detail))
        }
    }

    func dismissFromForm(req: Request) async throws -> Response {
        let principal = try await req.require(.createProactiveTasks)
        struct Form: Content { var reason: String? }
        let record = try await Self.find(req.parameters.get("id"), for: principal, req)
        let reason = try req.content.decode(Form.self).reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard (2...500).contains(reason.count) else {
            return req.redirect(to: "/hotspots?error=" + Self.queryEscaped(req.t("hotspots_reason_needed")))
        }
        try await Self.mark(record, status: "dismissed", order: nil, note: reason, principal: principal, req)
        return req.redirect(to: "/hotspots?notice=" + Self.queryEscaped(req.t("hotspots_dismissed")))
    }

    // MARK: Shared

    private static func beijingTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = WorkCalendar.shanghai
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    private static func queryEscaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    static func latest(for principal: Principal, status: String, _ req: Request) async throws -> HotspotList {
        guard let run = try await HotspotRun.query(on: req.db).filter(\.$finishedAt != nil).sort(\.$finishedAt, .descending).first() else {
            return HotspotList(run: nil, items: [])
        }
        var query = HotspotRecord.query(on: req.db).filter(\.$runID == (try run.requireID()))
            .within(\.$divisionCode, principal.division)
        if status != "all" { query = query.filter(\.$status == status) }
        let records = try await query.sort(\.$orderCount, .descending).sort(\.$id).limit(200).all()
        var items: [HotspotDTO] = []
        for record in records { items.append(try await dto(record, req, samples: false, principal: principal)) }
        return HotspotList(run: RunDTO(run), items: items)
    }

    /// The hotspot if it lies in the principal's division; otherwise 404, like a missing one.
    static func find(_ raw: String?, for principal: Principal, _ req: Request) async throws -> HotspotRecord {
        guard let id = raw.flatMap(UUID.init(uuidString:)), let record = try await HotspotRecord.find(id, on: req.db) else {
            throw Problem.notFound("hotspot")
        }
        guard principal.canSee(divisionCode: record.divisionCode) else {
            await req.audit(.scopeDenied, result: .denied, target: "hotspot:\(id)")
            throw Problem.notFound("hotspot")
        }
        return record
    }

    static func createTask(_ record: HotspotRecord, input: TaskInput, principal: Principal, _ req: Request) async throws -> WorkOrder {
        guard record.status == "open" else {
            throw Problem.conflict("this hotspot is already \(record.status) / 该热点已处理")
        }
        let dto = try await dto(record, req, samples: true, principal: principal)
        let english = req.language == .en
        let title = input.title?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            ?? (english ? "Proactive: \(dto.categoryName) in \(dto.divisionName) (\(dto.orderCount) requests)"
                        : "未诉先办：\(dto.divisionName)\(dto.categoryName)高发（\(dto.orderCount)件）")
        let samples = (dto.samples ?? []).map(\.number).joined(separator: ", ")
        let description = input.description?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            ?? dto.explanation + (samples.isEmpty ? "" : (english ? " Sample orders: " : " 样例工单：") + samples)
        let service = WorkOrderService(application: req.application, database: req.db)
        let valid = try await service.validate(NewWorkOrder(
            title: String(title.prefix(200)), description: String(description.prefix(4000)), categoryCode: record.categoryCode,
            channel: LianxinCore.Channel.proactive.rawValue, requestKind: RequestKind.report.rawValue,
            divisionCode: record.mainDivisionCode, latitude: record.latitude, longitude: record.longitude
        ), scope: principal.division)
        // Claim the hotspot first, so that two clicks make one task.
        guard try await claim(record, principal: principal, req) else {
            throw Problem.conflict("this hotspot was just handled by someone else / 该热点刚被他人处理")
        }
        // Roles that take requests file it accepted; leaders and supervisors hand it to the intake queue.
        let actor = principal.role.can(.createWorkOrders) ? principal.workOrderActor : .system
        let order: WorkOrder
        do {
            order = try await service.create(valid, by: actor, idempotencyKey: "hotspot:\(try record.requireID())").0
        } catch {
            try await mark(record, status: "open", order: nil, note: nil, principal: principal, req, audited: false)
            throw error
        }
        try await mark(record, status: "tasked", order: order.id, note: nil, principal: principal, req)
        return order
    }

    private static func claim(_ record: HotspotRecord, principal: Principal, _ req: Request) async throws -> Bool {
        let sql = req.db.sql
        let rows = try await req.lianxin.writes.run {
            try await sql.update(HotspotRecord.schema).set("status", to: "tasking").set("handled_by", to: principal.userID)
                .where("id", .equal, record.id).where("status", .equal, "open").returning("id").all()
        }
        return rows.count == 1
    }

    private static func mark(_ record: HotspotRecord, status: String, order: UUID?, note: String?, principal: Principal,
                             _ req: Request, audited: Bool = true) async throws {
        record.status = status
        record.taskOrderID = order
        record.note = note
        record.handledBy = status == "open" ? nil : principal.userID
        record.handledAt = status == "open" ? nil : req.lianxin.now()
        try await req.lianxin.writes.run { try await record.update(on: req.db) }
        if audited {
            await req.audit(.settingsChanged, result: .success, target: "hotspot:\(try record.requireID())",
                            detail: status + (order.map { " order \($0)" } ?? "") + (note.map { ": \($0)" } ?? ""))
        }
    }

    static func dto(_ record: HotspotRecord, _ req: Request, samples: Bool, principal: Principal) async throws -> HotspotDTO {
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        let english = req.language == .en
        let division = try await Division.find(record.divisionCode, on: req.db)?.name ?? record.divisionCode
        let categories = JSONColumn.list(Hotspot.CategoryCount.self, from: record.categories).map {
            CategoryCount(code: $0.category, name: catalog.categories[$0.category]?.name ?? $0.category, count: $0.count)
        }
        let categoryName = catalog.categories[record.categoryCode]?.name ?? record.categoryCode
        let run = try await HotspotRun.find(record.runID, on: req.db)
        let window = run.flatMap { try? JSONDecoder().decode(HotspotService.Settings.self, from: Data($0.parameters.utf8)) }?
            .detection.windowHours ?? HotspotParameters().windowHours
        var sampleRows: [Sample]?
        if samples {
            let ids = HotspotService.decodeIDs(record.sampleIDs)
            let visible = try await WorkOrdersController.scoped(principal, on: req.db).filter(\.$id ~~ ids).all()
                .reduce(into: [UUID: WorkOrder]()) { $0[$1.id!] = $1 }
            sampleRows = ids.compactMap { visible[$0] }.map {
                Sample(orderId: $0.id!, number: $0.number, title: $0.title, status: $0.status, createdAt: $0.createdAt)
            }
        }
        return HotspotDTO(
            id: try record.requireID(), runId: record.runID, divisionCode: record.divisionCode, divisionName: division,
            mainDivisionCode: record.mainDivisionCode, latitude: record.latitude, longitude: record.longitude,
            radiusMeters: record.radiusMeters.rounded(), orderCount: record.orderCount, previousCount: record.previousCount,
            trend: record.trend, categoryCode: record.categoryCode, categoryName: categoryName, categories: categories,
            firstAt: record.firstAt, lastAt: record.lastAt, windowHours: window,
            explanation: explanation(record, division: division, category: categoryName, windowHours: window, english: english),
            status: record.status == "tasking" ? "open" : record.status, taskOrderId: record.taskOrderID, note: record.note,
            samples: sampleRows)
    }

    /// Where, what, how many, and the trend, in one sentence.
    static func explanation(_ record: HotspotRecord, division: String, category: String, windowHours: Double, english: Bool) -> String {
        let days = windowHours.truncatingRemainder(dividingBy: 24) == 0 ? Int(windowHours / 24) : nil
        let place = String(format: "%.5f, %.5f", record.latitude, record.longitude)
        let radius = Int(max(record.radiusMeters, 1).rounded())
        if english {
            let period = days.map { "\($0) day\($0 == 1 ? "" : "s")" } ?? "\(Int(windowHours)) hours"
            let trend = ["rising": "rising", "falling": "falling", "steady": "steady"][record.trend] ?? record.trend
            return "\(record.orderCount) “\(category)” requests within \(radius) m of \(place) in \(division) over the last \(period); \(record.previousCount) in the period before (\(trend))."
        }
        let period = days.map { "\($0) 天" } ?? "\(Int(windowHours)) 小时"
        let trend = ["rising": "呈上升趋势", "falling": "呈下降趋势", "steady": "基本持平"][record.trend] ?? record.trend
        return "\(division)（\(place) 周边 \(radius) 米内）近 \(period)有 \(record.orderCount) 件「\(category)」诉求，上一周期同区域 \(record.previousCount) 件，\(trend)。"
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
