import Vapor
import Fluent
import NIOConcurrencyHelpers
import LianxinCore

/// 受理台, 派单队列, 我的工单 and 督办: the pages the hotline hall and the departments work in all day.
struct DeskPagesController: RouteCollection {
    let maxBody: ByteCount

    func boot(routes: any RoutesBuilder) throws {
        routes.get("desk", use: desk)
        routes.on(.POST, "desk", body: .collect(maxSize: maxBody), use: file)
        routes.get("queue", use: queue)
        routes.post("queue", ":id", "route", use: route)
        routes.get("my-orders", use: inbox)
        routes.get("supervision", use: supervision)
    }

    // MARK: 受理台

    struct DeskModel: Encodable, Sendable {
        let values: [String: String]
        let errors: [String: String]
        let error: String
        let categories: [SelectOption]
        let channels: [SelectOption]
        let kinds: [SelectOption]
        let idempotencyKey: String
        let map: GridMapModel
        let anonymous: Bool
        let canFile: Bool
    }

    /// The fields of the intake form, all text so each mistake is named.
    struct DeskForm: Content {
        var requesterPhone: String?
        var requesterName: String?
        var anonymous: String?
        var channel: String?
        var requestKind: String?
        var title: String?
        var description: String?
        var categoryCode: String?
        var suggestedCategoryCode: String?
        var divisionCode: String?
        var address: String?
        var latitude: String?
        var longitude: String?
        var idempotencyKey: String?

        var values: [String: String] {
            var out: [String: String] = [:]
            for (key, value) in [("requesterPhone", requesterPhone), ("requesterName", requesterName), ("channel", channel),
                                 ("requestKind", requestKind), ("title", title), ("description", description), ("categoryCode", categoryCode),
                                 ("suggestedCategoryCode", suggestedCategoryCode), ("divisionCode", divisionCode), ("address", address),
                                 ("latitude", latitude), ("longitude", longitude)] {
                if let value { out[key] = value }
            }
            return out
        }
    }

    func desk(req: Request) async throws -> Response {
        let principal = try await req.require(.createWorkOrders)
        return try await renderDesk(req, principal: principal, values: ["channel": "hotline", "requestKind": "assistance"], errors: [:])
    }

    func renderDesk(_ req: Request, principal: Principal, values: [String: String], errors: [String: String], error: String = "",
                    anonymous: Bool = false, status: HTTPResponseStatus = .ok) async throws -> Response {
        let lookup = try await WorkbenchLookup.load(req)
        let english = lookup.english
        let channels = [LianxinCore.Channel.hotline, .web, .miniProgram, .gridPatrol, .visit, .meeting, .petition]
            .map { SelectOption(value: $0.rawValue, label: $0.title(english: english)) }
        let kinds = RequestKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(english: english)) }
        let model = DeskModel(values: values, errors: errors, error: error,
                              categories: lookup.categoryOptions.selecting(values["categoryCode"]),
                              channels: channels.selecting(values["channel"]), kinds: kinds.selecting(values["requestKind"]),
                              idempotencyKey: UUID().uuidString, map: try await GridMapCache.map(of: principal.division, req),
                              anonymous: anonymous, canFile: true)
        return try await req.page("workorders/desk", title: "wb_desk", model: model, status: status)
    }

    /// Files the request taken at the desk (and its photo), then shows the new order with its number and clocks.
    func file(req: Request) async throws -> Response {
        let principal = try await req.require(.createWorkOrders)
        let form = try req.content.decode(DeskForm.self)
        let anonymous = ["on", "true", "1"].contains(form.anonymous ?? "")
        do {
            let latitude = try formNumber(form.latitude, field: "latitude"), longitude = try formNumber(form.longitude, field: "longitude")
            var divisionCode = form.divisionCode?.trimmingCharacters(in: .whitespaces) ?? ""
            // Without a place on the map or a division, the request belongs to the operator's own division.
            if divisionCode.isEmpty && latitude == nil && longitude == nil { divisionCode = principal.division.value }
            let input = NewWorkOrder(title: form.title, description: form.description, categoryCode: form.categoryCode, channel: form.channel,
                                     requestKind: form.requestKind, tier: nil, priority: nil,
                                     divisionCode: divisionCode.isEmpty ? nil : divisionCode, latitude: latitude, longitude: longitude,
                                     address: form.address, requesterName: form.requesterName, requesterPhone: form.requesterPhone,
                                     anonymous: anonymous,
                                     suggestedCategoryCode: form.suggestedCategoryCode?.isEmpty == false ? form.suggestedCategoryCode : nil)
            let service = WorkOrderService(application: req.application, database: req.db)
            let valid = try await service.validate(input, scope: principal.division)
            // Check the photo before anything is written, so a refused photo leaves no order behind.
            var photo: (data: Data, format: ImageFormat, purpose: String?)?
            if req.headers.contentType?.type == "multipart", let part = try? req.content.decode(OrderPagesController.PhotoPart.self),
               let file = part.file, file.data.readableBytes > 0 {
                photo = try PhotoUploads.photo(in: req)
            }
            let key = form.idempotencyKey.flatMap { UUID(uuidString: $0) }.map { "desk:\(principal.userID):\($0)" }
            let (order, created) = try await service.create(valid, by: principal.workOrderActor, idempotencyKey: key)
            if created, let suggested = input.suggestedCategoryCode {
                try await WorkOrdersController.recordCorrection(of: order, suggested: suggested, by: principal, req)
            }
            if created, let photo {
                _ = try await PhotoUploads.storeBytes(photo.data, format: photo.format, purpose: "intake", order: order,
                                                               uploader: principal.role.rawValue, uploaderID: principal.userID,
                                                               context: req.lianxin, on: req.db)
            }
            return req.redirect(to: "/orders/\(try order.requireID())?created=1")
        } catch let problem as Problem where problem.status.code < 500 {
            let errors = problem.fieldMessages
            return try await renderDesk(req, principal: principal, values: form.values, errors: errors,
                                        error: errors.isEmpty ? problem.detail : req.t("wb_fix_fields"), anonymous: anonymous, status: problem.status)
        }
    }

    // MARK: 派单队列

    struct QueueModel: Encodable, Sendable {
        let orders: [OrderSummary]
        let departments: [SelectOption]
        let statuses: [SelectOption]
        let categories: [SelectOption]
        let status: String
        let category: String
        let overdueOnly: Bool
        let notice: String
        let error: String
        let canRoute: Bool
        let refreshURL: String
    }

    static let waiting: [WorkOrderStatus] = [.submitted, .received, .returned]

    func queue(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        return try await renderQueue(req, principal: principal,
                                     notice: req.query[String.self, at: "routed"].map { req.t("wb_routed").replacingOccurrences(of: "%@", with: $0) } ?? "")
    }

    func renderQueue(_ req: Request, principal: Principal, notice: String = "", error: String = "",
                     status httpStatus: HTTPResponseStatus = .ok) async throws -> Response {
        var lookup = try await WorkbenchLookup.load(req)
        let status = req.query[String.self, at: "status"] ?? ""
        let category = req.query[String.self, at: "category"] ?? ""
        let overdueOnly = req.query[String.self, at: "overdue"] == "true"
        let statuses = Self.waiting.map(\.rawValue)
        var query = WorkOrderLookup.scoped(principal, on: req.db)
            .filter(\.$status ~~ (statuses.contains(status) ? [status] : statuses))
        if !category.isEmpty { query = query.filter(\.$categoryCode, .custom("LIKE"), category.filter(\.isNumber) + "%") }
        if overdueOnly { query = query.filter(\.$overdue == true) }
        let rows = try await query.sort(\.$createdAt).sort(\.$id).limit(200).allOrders()
        try await lookup.loadDivisions(of: rows.map(\.divisionCode), on: req.db)
        var returns: [UUID: String] = [:]
        let returnedIDs = rows.filter { $0.status == "returned" }.compactMap(\.id)
        if !returnedIDs.isEmpty {
            for event in try await WorkOrderEventRecord.query(on: req.db).filter(\.$orderID ~~ returnedIDs).filter(\.$kind == "returned")
                .sort(\.$sequence).all() {
                returns[event.orderID] = event.note ?? ""
            }
        }
        let orders = try rows.map { row in try lookup.summary(row, note: row.id.flatMap { returns[$0] } ?? "") }
            .sorted { ($0.dueAt.isEmpty ? "9" : $0.dueAt) < ($1.dueAt.isEmpty ? "9" : $1.dueAt) }
        let tops = lookup.catalog.categories.values.filter { $0.parentCode == nil && $0.active }
            .compactMap { c in c.id.map { SelectOption(value: $0, label: c.name) } }.sorted { $0.value < $1.value }
        let model = QueueModel(
            orders: orders, departments: lookup.departmentOptions,
            statuses: Self.waiting.map { SelectOption(value: $0.rawValue, label: $0.title(english: lookup.english)) }.selecting(status),
            categories: tops.selecting(category), status: status, category: category, overdueOnly: overdueOnly,
            notice: notice, error: error, canRoute: [.operator, .dispatcher].contains(principal.role),
            refreshURL: "/queue?" + (req.url.query ?? ""))
        let template = req.query[String.self, at: "fragment"] == "rows" ? "workorders/_partials/queue-rows" : "workorders/queue"
        return try await req.page(template, title: "wb_queue", model: model, status: httpStatus)
    }

    struct RouteForm: Content {
        var departmentId: String?
        var reason: String?
    }

    /// One action from the queue: accept (if still waiting) and send to the chosen unit — the
    /// suggested one preselected — or redispatch a returned order with the reason.
    func route(req: Request) async throws -> Response {
        let principal = try await req.require(.createWorkOrders)
        var order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        let form = try req.content.decode(RouteForm.self)
        let service = WorkOrderService(application: req.application, database: req.db)
        let actor = principal.workOrderActor
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
            let message = problem.fieldMessages.values.first ?? problem.detail
            return try await renderQueue(req, principal: principal, error: "\(order.number): \(message)", status: problem.status)
        }
    }

    // MARK: 我的工单

    struct InboxModel: Encodable, Sendable {
        let active: [OrderSummary]
        let recent: [OrderSummary]
        let hasDepartment: Bool
    }

    static let handling: [WorkOrderStatus] = [.dispatched, .reopened, .signed, .arrived, .inProgress]

    func inbox(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        var lookup = try await WorkbenchLookup.load(req)
        var active: [WorkOrder] = []
        var recent: [WorkOrder] = []
        if let department = principal.departmentID {
            active = try await WorkOrder.query(on: req.db).filter(\.$departmentID == department)
                .filter(\.$status ~~ Self.handling.map(\.rawValue)).sort(\.$createdAt).limit(200).allOrders()
            recent = try await WorkOrder.query(on: req.db).filter(\.$departmentID == department)
                .filter(\.$status ~~ ["completed", "reviewed", "evaluated", "closed"]).sort(\.$updatedAt, .descending).limit(20).allOrders()
        } else {
            // Staff without a unit (grid members, community staff): what they filed themselves.
            recent = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$createdBy == principal.userID)
                .sort(\.$createdAt, .descending).limit(50).allOrders()
        }
        try await lookup.loadDivisions(of: (active + recent).map(\.divisionCode), on: req.db)
        let summaries = try active.map { try lookup.summary($0) }
            .sorted { ($0.dueAt.isEmpty ? "9" : $0.dueAt) < ($1.dueAt.isEmpty ? "9" : $1.dueAt) }
        return try await req.page("workorders/inbox", title: "wb_inbox",
                                  model: InboxModel(active: summaries, recent: try recent.map { try lookup.summary($0) },
                                                    hasDepartment: principal.departmentID != nil))
    }

    // MARK: 督办

    struct SupervisionModel: Encodable, Sendable {
        let overdue: [OrderSummary]
        let warning: [OrderSummary]
        let supervised: [OrderSummary]
        let shelved: [OrderSummary]
    }

    func supervision(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        guard [.supervisor, .leader, .dispatcher].contains(principal.role) else {
            throw await req.outOfScope("supervision", target: "page:/supervision")
        }
        var lookup = try await WorkbenchLookup.load(req)
        let open = WorkOrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
        // An overdue order has a running clock, so a deadline: the condition adds nothing but lets the planner use
        // the partial index on deadlines (`work_orders_due`).
        let overdue = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$overdue == true).filter(\.$status ~~ open)
            .filter(\.$nextDueAt != nil).sort(\.$nextDueAt).limit(100).allOrders()
        let soon = lookup.now.addingTimeInterval(4 * 3_600)
        let warning = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$overdue == false).filter(\.$status ~~ open)
            .filter(\.$nextDueAt != nil).filter(\.$nextDueAt <= soon).sort(\.$nextDueAt).limit(100).allOrders()
        let supervised = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$supervisionLevel > 0).filter(\.$status ~~ open)
            .sort(\.$createdAt, .descending).limit(100).allOrders()
        let shelved = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$status == "shelved")
            .sort(\.$createdAt, .descending).limit(50).allOrders()
        try await lookup.loadDivisions(of: (overdue + warning + supervised + shelved).map(\.divisionCode), on: req.db)
        let model = SupervisionModel(overdue: try overdue.map { try lookup.summary($0) }, warning: try warning.map { try lookup.summary($0) },
                                     supervised: try supervised.map { try lookup.summary($0) }, shelved: try shelved.map { try lookup.summary($0) })
        return try await req.page("workorders/supervision", title: "wb_supervision", model: model)
    }
}

/// The grid maps of divisions, each drawn once and kept for a minute: parsing thousands of polygons
/// per page view would dominate the page's time. One per application (set up with the routes).
final class GridMapCache: Sendable {
    struct Key: StorageKey { typealias Value = GridMapCache }
    private struct Entry { let map: GridMapModel; let at: Date }
    private let entries = NIOLockedValueBox([String: Entry]())

    static func map(of division: DivisionCode, _ req: Request) async throws -> GridMapModel {
        guard let cache = req.application.storage[Key.self] else { return try await GridMapModel.load(in: division, on: req.db) }
        let now = Date()
        if let entry = cache.entries.withLockedValue({ $0[division.value] }), now.timeIntervalSince(entry.at) < 60 { return entry.map }
        let map = try await GridMapModel.load(in: division, on: req.db)
        cache.entries.withLockedValue { $0[division.value] = Entry(map: map, at: now) }
        return map
    }
}
