import Vapor
import Fluent
import LianxinCore

/// The order pages: the list with filters, and one order with its clocks, timeline, photos, merge
/// family, whistles, evaluation and the forms for exactly the steps this user may take now.
/// Every form posts to the same route, which runs the same service as the API.
struct OrderPagesController: RouteCollection {
    let maxBody: ByteCount

    func boot(routes: any RoutesBuilder) throws {
        routes.get("orders", use: list)
        routes.get("orders", ":id", use: show)
        routes.on(.POST, "orders", ":id", "act", body: .collect(maxSize: maxBody), use: act)
        routes.post("orders", ":id", "unmask", use: unmask)
    }

    // MARK: List

    struct ListModel: Encodable, Sendable {
        let orders: [OrderSummary]
        let statuses: [SelectOption]
        let categories: [SelectOption]
        let q: String
        let grid: String
        let overdueOnly: Bool
        let count: Int
    }

    func list(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        var lookup = try await WorkbenchLookup.load(req)
        var query = WorkOrderLookup.scoped(principal, on: req.db)
        let status = req.query[String.self, at: "status"] ?? ""
        if !status.isEmpty {
            guard WorkOrderStatus(rawValue: status) != nil else { throw Problem.invalid(field: "status", "unknown status / 状态无效") }
            query = query.filter(\.$status == status)
        }
        let category = req.query[String.self, at: "category"] ?? ""
        if !category.isEmpty { query = query.filter(\.$categoryCode, .custom("LIKE"), category.filter(\.isNumber) + "%") }
        let overdueOnly = req.query[String.self, at: "overdue"] == "true"
        if overdueOnly { query = query.filter(\.$overdue == true) }
        let grid = req.query[String.self, at: "grid"] ?? ""
        if !grid.isEmpty { query = query.filter(\.$gridCode == grid) }
        if req.query[String.self, at: "open"] == "true" { query = query.filter(\.$status ~~ WorkOrderStatus.allCases.filter(\.isOpen).map(\.rawValue)) }
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        if !q.isEmpty {
            if q.allSatisfy(\.isNumber) && q.count >= 8 {
                query = query.filter(\.$number == q)
            } else if let phone = try? PhoneNumber(parsing: q) {
                query = query.filter(\.$requesterPhoneIndex == req.lianxin.cipher.blindIndex(phone.value))
            } else {
                query = query.filter(\.$title, .custom("LIKE"), "%" + q.replacingOccurrences(of: "%", with: "") + "%")
            }
        }
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(200).allOrders()
        try await lookup.loadDivisions(of: rows.map(\.divisionCode), on: req.db)
        let statuses = WorkOrderStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(english: lookup.english)) }
        let tops = lookup.catalog.categories.values.filter { $0.parentCode == nil && $0.active }
            .compactMap { c in c.id.map { SelectOption(value: $0, label: c.name) } }.sorted { $0.value < $1.value }
        let model = ListModel(orders: try rows.map { try lookup.summary($0) }, statuses: statuses.selecting(status),
                              categories: tops.selecting(category), q: q, grid: grid, overdueOnly: overdueOnly, count: rows.count)
        return try await req.page("workorders/orders", title: "wb_orders", model: model)
    }

    // MARK: One order

    struct DetailModel: Encodable, Sendable {
        struct Clock: Encodable, Sendable { let stage: String; let dueAt: String; let dueLabel: String; let state: String; let stateTitle: String; let running: Bool }
        struct Step: Encodable, Sendable { let at: String; let title: String; let actor: String; let note: String; let statusTitle: String }
        struct Photo: Encodable, Sendable { let url: String; let purpose: String; let at: String }
        struct Relative: Encodable, Sendable { let id: String; let number: String; let title: String; let statusTitle: String }
        struct WhistleLine: Encodable, Sendable { let title: String; let status: String; let blownAt: String }
        let order: OrderSummary
        let description: String
        let address: String
        let position: String
        let trackingCode: String
        let requestKind: String
        let priority: String
        let requesterName: String
        let requesterPhone: String
        let anonymous: Bool
        let canUnmask: Bool
        let unmaskedName: String
        let unmaskedPhone: String
        let clocks: [Clock]
        let policy: String
        let timeline: [Step]
        let photos: [Photo]
        let parent: Relative?
        let children: [Relative]
        let hasFamily: Bool
        let whistles: [WhistleLine]
        let canBlowWhistle: Bool
        let evaluation: String
        let extensionPending: String
        let supervision: String
        let forms: [ActionForm]
        let notice: String
        let error: String
        let duplicates: [Relative]
        let createdJustNow: Bool
    }

    func show(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        let notice = req.query[String.self, at: "done"].flatMap { WorkOrderActionKind(rawValue: $0) }
            .map { req.t("wb_done").replacingOccurrences(of: "%@", with: $0.title(english: req.language == .en)) } ?? ""
        return try await render(req, order: order, principal: principal, notice: notice,
                                createdJustNow: req.query[String.self, at: "created"] == "1")
    }

    func render(_ req: Request, order: WorkOrder, principal: Principal, values: [String: String] = [:], errors: [String: String] = [:],
                notice: String = "", error: String = "", unmasked: (String, String)? = nil, createdJustNow: Bool = false,
                status: HTTPResponseStatus = .ok) async throws -> Response {
        var lookup = try await WorkbenchLookup.load(req)
        let english = lookup.english
        let orderID = try order.requireID()
        let state = try WorkOrderService.decodeState(order)
        let events = try await WorkOrderEventRecord.query(on: req.db).filter(\.$orderID == orderID).sort(\.$sequence).all()
        let family = try await WorkOrder.query(on: req.db).group(.or) { group in
            group.filter(\.$parentID == orderID)
            if let parent = order.parentID { group.filter(\.$id == parent) }
        }.limit(100).allOrders()
        try await lookup.loadDivisions(of: [order.divisionCode], on: req.db)
        func relative(_ row: WorkOrder) -> DetailModel.Relative {
            DetailModel.Relative(id: row.id?.uuidString ?? "", number: row.number, title: row.title,
                                 statusTitle: (WorkOrderStatus(rawValue: row.status) ?? .received).title(english: english))
        }
        let clocks = try WorkOrderService.decodeClocks(order).clocks.map { clock -> DetailModel.Clock in
            let clockState = clock.status(at: lookup.now, in: lookup.calendar)
            let due = clock.due(asOf: lookup.now, in: lookup.calendar)
            return DetailModel.Clock(stage: clock.stage.title(english: english), dueAt: ISOTimestamp.format(due), dueLabel: WorkbenchLookup.beijing(due),
                                     state: clockState.rawValue, stateTitle: req.t("wb_clock_\(clockState.rawValue)"), running: clock.isRunning)
        }
        let timeline = events.reversed().map { record in
            DetailModel.Step(at: WorkbenchLookup.beijing(record.at),
                             title: WorkOrderEventKind(rawValue: record.kind)?.title(english: english) ?? record.kind,
                             actor: WorkbenchLookup.actorTitle(record.actor, req),
                             note: record.note ?? "", statusTitle: (WorkOrderStatus(rawValue: record.toStatus) ?? .received).title(english: english))
        }
        let photos = try await Attachment.query(on: req.db).filter(\.$orderID == orderID).sort(\.$createdAt).all().map { row in
            DetailModel.Photo(url: "/api/v1/work-orders/\(orderID)/attachments/\(row.id?.uuidString ?? "")",
                              purpose: req.t("wb_purpose_\(row.purpose)"), at: WorkbenchLookup.beijing(row.createdAt))
        }
        let whistles = try await Whistle.query(on: req.db).filter(\.$orderID == orderID).sort(\.$blownAt, .descending).all().map {
            DetailModel.WhistleLine(title: $0.title, status: req.t("wb_whistle_\($0.status)"), blownAt: WorkbenchLookup.beijing($0.blownAt))
        }
        var duplicates: [DetailModel.Relative] = []
        let offered = WorkOrderMachine.offeredActions(in: state, to: principal.workOrderActor)
        if offered.contains(.merge) {
            let sketch = OrderSketch(id: orderID.uuidString, text: order.title + " " + order.description,
                                     location: order.latitude.flatMap { lat in order.longitude.map { GeoPoint(lon: $0, lat: lat) } },
                                     receivedAt: order.createdAt, callerHash: order.requesterPhoneIndex)
            let found = try await IntakeSuggestionsController.duplicates(of: sketch, excluding: orderID, for: principal, req)
            duplicates = found.prefix(5).map { DetailModel.Relative(id: $0.orderId.uuidString, number: $0.number, title: $0.title,
                                                                    statusTitle: String(format: "%.0f%%", $0.score * 100)) }
        }
        let evaluation = state.evaluation.map { e in
            [e.satisfaction.title(english: english), e.solved ? req.t("wb_solved_yes") : req.t("wb_solved_no"), e.comment ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " · ")
        } ?? ""
        let phone = try order.requesterPhoneCipher.map { PersonalDataMask.phone(try req.lianxin.cipher.open($0)) } ?? ""
        let model = DetailModel(
            order: try lookup.summary(order), description: order.description, address: order.address ?? "",
            position: order.latitude.flatMap { lat in order.longitude.map { String(format: "%.5f, %.5f", lat, $0) } } ?? "",
            trackingCode: order.trackingCode,
            requestKind: RequestKind(rawValue: order.requestKind)?.title(english: english) ?? order.requestKind,
            priority: Priority(rawValue: order.priority)?.title(english: english) ?? order.priority,
            requesterName: order.requesterName.map(PersonalDataMask.name) ?? "", requesterPhone: phone, anonymous: order.anonymous,
            canUnmask: principal.role.can(.unmaskPersonalData) && (order.requesterName != nil || order.requesterPhoneCipher != nil),
            unmaskedName: unmasked?.0 ?? "", unmaskedPhone: unmasked?.1 ?? "",
            clocks: clocks, policy: try await Self.policyName(order.slaPolicyCode, english: english, req), timeline: timeline, photos: photos,
            parent: family.first { $0.id == order.parentID }.map(relative),
            children: family.filter { $0.parentID == orderID }.map(relative), hasFamily: !family.isEmpty,
            whistles: whistles, canBlowWhistle: principal.role.can(.blowWhistle),
            evaluation: evaluation,
            extensionPending: state.pendingExtension.map { "\($0.extra.amount) \(req.t("wb_unit_\($0.extra.unit.rawValue)")) · \($0.reason)" } ?? "",
            supervision: order.supervisionLevel > 0
                ? String(format: req.t("wb_supervised_level"), order.supervisionLevel) + (state.supervisionDeadline.map { " · " + WorkbenchLookup.beijing($0) } ?? "")
                : "",
            forms: lookup.actionForms(offered: offered, order: order, t: req.t, values: values, errors: errors),
            notice: notice, error: error, duplicates: duplicates, createdJustNow: createdJustNow)
        return try await req.page("workorders/order", title: "wb_order", model: model, status: status)
    }

    /// The SLA policy's name, shown with the clocks (and alone while no clock has started yet).
    static func policyName(_ code: String, english: Bool, _ req: Request) async throws -> String {
        guard let policy = try? await ReferenceData.policy(code, req.lianxin.referenceCache, on: req.db) else { return code }
        return english ? policy.englishName : policy.name
    }

    // MARK: Acting

    /// One step from a page form: the same checks and service as the API; on refusal the page comes
    /// back with the message next to the field (422) or at the top (409/403), and nothing is written.
    func act(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        let input = try req.content.decode(ActionFormInput.self)
        var values: [String: String] = [:]
        for (key, value) in [("note", input.note), ("reason", input.reason), ("departmentId", input.departmentId), ("extraAmount", input.extraAmount),
                             ("extraUnit", input.extraUnit), ("approved", input.approved), ("satisfaction", input.satisfaction),
                             ("solved", input.solved), ("comment", input.comment), ("parentNumber", input.parentNumber)] {
            if let value { values[key] = value }
        }
        do {
            var parentID: UUID?
            if input.action == "merge" {
                let number = input.parentNumber?.trimmingCharacters(in: .whitespaces) ?? ""
                guard !number.isEmpty else { throw Problem.invalid(field: "/parentNumber", "is required / 必填") }
                guard let parent = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$number == number).first() else {
                    throw Problem.invalid(field: "/parentNumber", "no order with this number in your scope / 未找到该工单")
                }
                parentID = parent.id
            }
            let calendar = try await ReferenceData.calendar(req.lianxin.referenceCache, on: req.db)
            var transition = try input.transition(parentID: parentID, calendar: calendar)
            var action = try transition.resolved()
            // A photo sent with a progress note or the completion is checked and stored first, then cited.
            if req.headers.contentType?.type == "multipart", ["addProgressNote", "complete"].contains(input.action ?? ""),
               let form = try? req.content.decode(PhotoPart.self), let file = form.file, file.data.readableBytes > 0 {
                let photo = try await PhotoUploads.store(req, order: order, uploader: principal.role.rawValue, uploaderID: principal.userID,
                                                                  defaultPurpose: input.action == "complete" ? "completion" : "progress")
                transition.photoIds = [try photo.requireID()]
                action = try transition.resolved()
            }
            _ = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: principal.workOrderActor)
            let back = WorkOrderActionKind(rawValue: input.action ?? "") ?? .addProgressNote
            return req.redirect(to: "/orders/\(try order.requireID())?done=\(back.rawValue)")
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            let fresh = try await WorkOrder.find(order.requireID(), on: req.db) ?? order
            let errors = problem.fieldMessages
            return try await render(req, order: fresh, principal: principal, values: values, errors: errors,
                                    error: errors.isEmpty ? problem.detail : req.t("wb_fix_fields"), status: problem.status)
        }
    }

    struct PhotoPart: Content { var file: File? }

    func unmask(req: Request) async throws -> Response {
        let principal = try await req.require(.unmaskPersonalData)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        struct Input: Content { var reason: String? }
        let reason = (try req.content.decode(Input.self).reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...200).contains(reason.count) else {
            return try await render(req, order: order, principal: principal, values: ["unmaskReason": reason],
                                    errors: ["unmaskReason": req.t("wb_unmask_reason_needed")], error: req.t("wb_fix_fields"),
                                    status: .unprocessableEntity)
        }
        let phone = try order.requesterPhoneCipher.map { try req.lianxin.cipher.open($0) } ?? ""
        await req.audit(.personalDataUnmasked, result: .success, target: "work-order:\(order.number)", detail: reason)
        return try await render(req, order: order, principal: principal, unmasked: (order.requesterName ?? "", phone))
    }
}
