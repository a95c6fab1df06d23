import Vapor
import Fluent
import NIOConcurrencyHelpers
import LianxinCore

extension DeskPagesController {
    func queue(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        return try await renderQueue(
            req, principal: principal,
            notice: req.query[String.self, at: "routed"].map { req.t("wb_routed").replacingOccurrences(of: "%@", with: $0) } ?? "")
    }

    func renderQueue(
        _ req: Request, principal: Principal, notice: String = "", error: String = "",
        status httpStatus: HTTPResponseStatus = .ok
    ) async throws -> Response {
        var lookup = try await WorkbenchLookup.load(req)
        let status = req.query[String.self, at: "status"] ?? ""
        let category = req.query[String.self, at: "category"] ?? ""
        let overdueOnly = req.query[String.self, at: "overdue"] == "true"
        let statuses = Self.waiting.map(\.rawValue)
        var query = WorkOrderLookup.scoped(principal, on: req.db)
            .filter(\.$status ~~ (statuses.contains(status) ? [status] : statuses))
        if !category.isEmpty { query = query.filter(\.$categoryCode, .custom("LIKE"), category.filter(\.isNumber) + "%") }
        if overdueOnly { query = query.overdue(at: lookup.now) }
        let rows = try await query.sort(\.$createdAt).sort(\.$id).limit(200).allOrders()
        try await lookup.loadDivisions(of: rows.map(\.divisionCode), on: req.db)
        var returns: [UUID: String] = [:]
        let returnedIDs = rows.filter { $0.status == "returned" }.compactMap(\.id)
        if !returnedIDs.isEmpty {
            for event in try await WorkOrderEventRecord.query(on: req.db).filter(\.$orderID ~~ returnedIDs).filter(
                \.$kind ~~ ["returned", "returnRequested"]
            )
            .sort(\.$sequence).all() {
                returns[event.orderID] = event.note ?? ""
            }
        }
        let orders = try rows.map { row in try lookup.summary(row, note: row.id.flatMap { returns[$0] } ?? "") }
            .sorted { ($0.dueAt.isEmpty ? "9" : $0.dueAt) < ($1.dueAt.isEmpty ? "9" : $1.dueAt) }
        let tops = lookup.catalog.categories.values.filter { $0.parentCode == nil && $0.active }
            .compactMap { c in c.id.map { SelectOption(value: $0, label: c.name) } }.sorted { $0.value < $1.value }
        let model = QueueModel(
            orders: orders, departments: lookup.departmentOptions(for: principal.division, principal: principal),
            statuses: Self.waiting.map { SelectOption(value: $0.rawValue, label: $0.title(english: lookup.english)) }.selecting(status),
            categories: tops.selecting(category), status: status, category: category, overdueOnly: overdueOnly,
            notice: notice, error: error, canRoute: [.operator, .dispatcher].contains(principal.role),
            refreshURL: "/queue?" + (req.url.query ?? ""))
        let template = req.query[String.self, at: "fragment"] == "rows" ? "workorders/_partials/queue-rows" : "workorders/queue"
        return try await req.page(template, title: "wb_queue", model: model, status: httpStatus)
    }

    /// One action from the queue: accept (if still waiting) and send to the chosen unit — the
    /// suggested one preselected — or redispatch a returned order with the reason.
    func route(req: Request) async throws -> Response {
        let principal = try await req.require(.createWorkOrders)
        var order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        let form = try req.content.decode(RouteForm.self)
        let service = WorkOrderService(application: req.application, database: req.db)
        let actor = WorkOrderService.Acting.staff(principal)
        do {
            guard let text = form.departmentId, let department = UUID(uuidString: text) else {
                throw Problem.invalid(field: "/departmentId", req.t("wb_choose_department"))
            }
            if order.status == WorkOrderStatus.submitted.rawValue {
                order = try await service.apply(.accept(note: nil), to: order, by: actor)
            }
            if order.status == WorkOrderStatus.returned.rawValue {
                let reason = try TransitionInput(action: "redispatch", reason: form.reason, departmentId: department).resolved()
                order = try await service.apply(reason, to: order, by: actor)
            } else {
                order = try await service.apply(.dispatch(departmentID: department, note: nil), to: order, by: actor)
            }
            return req.redirect(to: "/queue?routed=\(order.number)")
        } catch let problem as Problem where problem.status.code < 500 {
            let message = problem.fieldMessages(req.language).values.first ?? problem.detail(req.language)
            return try await renderQueue(req, principal: principal, error: "\(order.number): \(message)", status: problem.status)
        }
    }
}
