import Vapor
import Fluent
import LianxinCore

/// Turning a hotspot into a proactive task, or dismissing it.
extension HotspotsController {
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
        let dto = try await WorkOrderLookup.dto(order, req)
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
        return try await HotspotPresenter.dto(record, req, samples: false, principal: principal)
    }

    /// Files the proactive task of an open hotspot, claiming it first so that two clicks make one task.
    static func createTask(_ record: HotspotRecord, input: TaskInput, principal: Principal, _ req: Request) async throws -> WorkOrder {
        guard record.status == "open" else {
            throw Problem.conflict("this hotspot is already \(record.status) / 该热点已处理")
        }
        let dto = try await HotspotPresenter.dto(record, req, samples: true, principal: principal)
        let english = req.language == .en
        let title =
            input.title?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            ?? (english
                ? "Proactive: \(dto.categoryName) in \(dto.divisionName) (\(dto.orderCount) requests)"
                : "未诉先办：\(dto.divisionName)\(dto.categoryName)高发（\(dto.orderCount)件）")
        let samples = (dto.samples ?? []).map(\.number).joined(separator: ", ")
        let description =
            input.description?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            ?? dto.explanation + (samples.isEmpty ? "" : (english ? " Sample orders: " : " 样例工单：") + samples)
        let service = WorkOrderService(application: req.application, database: req.db)
        let valid = try await service.validate(
            NewWorkOrder(
                title: String(title.prefix(200)), description: String(description.prefix(4000)), categoryCode: record.categoryCode,
                channel: LianxinCore.Channel.proactive.rawValue, requestKind: RequestKind.report.rawValue,
                divisionCode: record.mainDivisionCode, latitude: record.latitude, longitude: record.longitude
            ), scope: principal.division)
        // Claim the hotspot first, so that two clicks make one task.
        guard try await req.lianxin.writes.run({ try await HotspotQueries.claim(record.requireID(), by: principal.userID, on: req.db) }) else {
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

    /// Records what became of a hotspot (tasked, dismissed, or open again after a failed task).
    static func mark(
        _ record: HotspotRecord, status: String, order: UUID?, note: String?, principal: Principal,
        _ req: Request, audited: Bool = true
    ) async throws {
        record.status = status
        record.taskOrderID = order
        record.note = note
        record.handledBy = status == "open" ? nil : principal.userID
        record.handledAt = status == "open" ? nil : req.lianxin.now()
        try await req.lianxin.writes.run { try await record.update(on: req.db) }
        if audited {
            await req.audit(
                .settingsChanged, result: .success, target: "hotspot:\(try record.requireID())",
                detail: status + (order.map { " order \($0)" } ?? "") + (note.map { ": \($0)" } ?? ""))
        }
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
