import Vapor
import Fluent
import LianxinCore

/// The work-order API under /api/v1: intake, lists, detail, history and transitions, each limited
/// to the caller's division subtree (department staff: their department's orders).
struct WorkOrdersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let orders = api.grouped("work-orders")
        orders.post(use: create)
        orders.get(use: list)
        orders.get(":id", use: show)
        orders.get(":id", "events", use: events)
        orders.post(":id", "transitions", use: transition)
        orders.post(":id", "unmask", use: unmask)
        api.get("categories", use: categories)
        api.get("inbox", use: inbox)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.createWorkOrders)
        let input = try req.content.decode(NewWorkOrder.self)
        let key = try req.idempotencyKey(owner: principal.userID.uuidString)
        let service = WorkOrderService(application: req.application, database: req.db)
        let valid = try await service.validate(input, scope: principal.division)
        let (order, created) = try await service.create(valid, by: principal.workOrderActor, idempotencyKey: key)
        if created, let suggested = input.suggestedCategoryCode {
            try await ClassificationCorrection.record(of: order, suggested: suggested, by: principal, req)
        }
        let dto = try await WorkOrderLookup.dto(order, req)
        let response = try await dto.encodeResponse(status: created ? .created : .ok, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/work-orders/\(dto.id)")
        return response
    }

    func show(req: Request) async throws -> WorkOrderDTO {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        try await WorkOrderLookup.auditRequesterShown(order, req)
        return try await WorkOrderLookup.dto(order, req)
    }

    func events(req: Request) async throws -> [WorkOrderEventDTO] {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        return try await WorkOrderEventRecord.query(on: req.db).filter(\.$orderID == order.requireID())
            .sort(\.$sequence).all().map(WorkOrderEventDTO.init)
    }

    func transition(req: Request) async throws -> WorkOrderDTO {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        let action = try req.content.decode(TransitionInput.self).resolved()
        let updated = try await WorkOrderService(application: req.application, database: req.db)
            .apply(action, to: order, by: .staff(principal))
        return try await WorkOrderLookup.dto(updated, req)
    }

    struct UnmaskInput: Content { var reason: String? }
    struct Unmasked: Content { var requesterName: String?; var requesterPhone: String? }

    /// Shows the requester's full name and phone to a role allowed to call back, with a stated
    /// reason; every unmasking is audited.
    func unmask(req: Request) async throws -> Unmasked {
        let principal = try await req.require(.unmaskPersonalData)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        guard let reason = try req.content.decode(UnmaskInput.self).reason?.trimmingCharacters(in: .whitespacesAndNewlines),
            (2...200).contains(reason.count)
        else {
            throw Problem.invalid(field: "/reason", "say why you need the full number (2–200 characters) / 请说明查看原因")
        }
        try await WorkOrderLookup.auditRequesterShown(order, req, unmaskedFor: reason)
        let phone = try order.requesterPhoneCipher.map { try req.lianxin.cipher.open($0, for: .workOrderRequesterPhone, row: try order.requireID()) }
        return Unmasked(requesterName: order.requesterName, requesterPhone: phone)
    }

    /// Newest first; filters `status` (comma-separated), `category`, `division`, `department`,
    /// `overdue`, `supervised`, `createdFrom`/`createdTo` (ISO 8601); keyset-paginated.
    func list(req: Request) async throws -> ListPage<WorkOrderDTO> {
        let principal = try await req.require(.viewWorkOrders)
        let page = try PageRequest(req)
        var query = WorkOrderLookup.scoped(principal, on: req.db)
        if let text = req.query[String.self, at: "status"], !text.isEmpty {
            let statuses = text.split(separator: ",").map(String.init)
            guard statuses.allSatisfy({ WorkOrderStatus(rawValue: $0) != nil }) else {
                throw Problem.invalid(field: "status", "choose one of the options offered / 请从给出的选项中选择")
            }
            query = query.filter(\.$status ~~ statuses)
        }
        if let category = req.query[String.self, at: "category"], !category.isEmpty {
            query = query.filter(\.$categoryCode, .custom("LIKE"), category.filter(\.isNumber) + "%")
        }
        if let text = req.query[String.self, at: "division"], !text.isEmpty {
            guard let code = DivisionCode(text) else { throw Problem.invalid(field: "division", "not a division code / 区划代码无效") }
            query = query.within(\.$divisionCode, code)
        }
        if let text = req.query[String.self, at: "phone"], !text.isEmpty {
            // The caller's earlier requests, found through the phone's blind index (the number itself is never searched).
            guard let phone = try? PhoneNumber(parsing: text) else { throw Problem.invalid(field: "phone", "not a phone number / 号码无效") }
            query = query.filter(\.$requesterPhoneIndex == req.lianxin.cipher.blindIndex(phone.value))
        }
        if let text = req.query[String.self, at: "department"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw Problem.invalid(field: "department", "not a department id / 部门编号无效") }
            query = query.filter(\.$departmentID == id)
        }
        if let text = req.query[String.self, at: "overdue"] {
            let now = req.lianxin.now()
            query = try Self.bool(text, "overdue") ? query.overdue(at: now) : query.notOverdue(at: now)
        }
        if let text = req.query[String.self, at: "supervised"] {
            query = try Self.bool(text, "supervised") ? query.filter(\.$supervisionLevel > 0) : query.filter(\.$supervisionLevel == 0)
        }
        for (name, op) in [("createdFrom", DatabaseQuery.Filter.Method.greaterThanOrEqual), ("createdTo", .lessThan)] {
            guard let text = req.query[String.self, at: name] else { continue }
            guard let date = ISOTimestamp.parse(text) else {
                throw Problem.invalid(field: name, "an ISO 8601 date-time, e.g. 2026-10-01T00:00:00+08:00")
            }
            query = query.filter(\.$createdAt, op, date)
        }
        if let after = page.after {
            guard after.count == 2, let at = Double(after[0]).map(Date.init(timeIntervalSince1970:)), let id = UUID(uuidString: after[1]) else {
                throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效")
            }
            query = query.group(.or) { group in
                group.filter(\.$createdAt < at).group(.and) { $0.filter(\.$createdAt == at).filter(\.$id < id) }
            }
        }
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(page.limit + 1).allOrders()
        let calendar = try await ReferenceData.calendar(req.lianxin.referenceCache, on: req.db)
        let now = req.lianxin.now()
        let cipher = req.lianxin.cipher
        try await WorkOrderLookup.auditRequestersShown(Array(rows.prefix(page.limit)), req)
        return try page.page(rows, key: { [String($0.createdAt.timeIntervalSince1970), $0.id?.uuidString ?? ""] }) {
            try WorkOrderDTO($0, cipher: cipher, calendar: calendar, now: now)
        }
    }

    struct CategoryDTO: Content {
        var code: String
        var name: String
        var parentCode: String?
        var defaultDepartmentCode: String?
        var slaPolicy: String
    }

    func categories(req: Request) async throws -> [CategoryDTO] {
        _ = try req.requirePrincipal()
        return try await Category.query(on: req.db).filter(\.$active == true).sort(\.$id).all().map {
            CategoryDTO(
                code: $0.id ?? "", name: $0.name, parentCode: $0.parentCode,
                defaultDepartmentCode: $0.defaultDepartmentCode, slaPolicy: $0.slaPolicyCode)
        }
    }

    struct InboxItem: Content {
        var id: UUID
        var kind: String
        var text: String
        var orderId: UUID?
        var createdAt: Date
        var read: Bool
    }

    /// The caller's messages: to them, to their department, or to their role within their division.
    func inbox(req: Request) async throws -> [InboxItem] {
        let principal = try req.requirePrincipal()
        let rows = try await Notification.query(on: req.db).group(.or) { group in
            group.filter(\.$userID == principal.userID)
            if let department = principal.departmentID { group.filter(\.$departmentID == department) }
            group.group(.and) {
                $0.filter(\.$role == principal.role.rawValue)
                    .inScope(\.$divisionCode, principal)
            }
        }.sort(\.$createdAt, .descending).limit(100).all()
        return rows.map {
            InboxItem(
                id: $0.id ?? UUID(), kind: $0.kind, text: $0.text, orderId: $0.orderID,
                createdAt: $0.createdAt, read: $0.readAt != nil)
        }
    }

    private static func bool(_ text: String, _ field: String) throws -> Bool {
        switch text {
        case "true", "1": return true;
        case "false", "0": return false
        default: throw Problem.invalid(field: field, "true or false")
        }
    }
}
