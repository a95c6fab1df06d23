import Vapor
import Fluent
import LianxinCore

/// What the engagement controllers share: Beijing days, scoped look-ups (out of scope answers 404) and filing a work order with channel `meeting`.
enum Engagement {
    /// The Beijing day of `instant`.
    static func day(_ instant: Date) -> LocalDate { LocalDate(instant, in: WorkCalendar.shanghai) }

    /// `yyyy-MM-dd HH:mm` in Beijing time.
    static func minute(_ date: Date) -> String { String(ChinaTime.minute(date).prefix(16)) }

    /// The language of the request for core texts.
    static func language(_ req: Request) -> DisplayLanguage { req.language == .en ? .en : .zhCN }

    /// The `id` path parameter as a UUID, or a 404.
    static func id(_ req: Request, _ name: String = "id", _ what: String) throws -> UUID {
        guard let id = req.parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw Problem.notFound(what) }
        return id
    }

    /// A record of a division-scoped table that the principal may see, or an audited 404.
    static func scoped<M: Model>(
        _ type: M.Type, _ id: UUID, division: KeyPath<M, String>, _ what: String,
        _ principal: Principal, _ req: Request
    ) async throws -> M where M.IDValue == UUID {
        guard let record = try await M.find(id, on: req.db) else { throw Problem.notFound(what) }
        guard principal.canSee(divisionCode: record[keyPath: division]) else {
            throw await req.outOfScope(what, target: "\(M.schema):\(id)")
        }
        return record
    }

    /// A core rule's refusal as a 409 (state) or 422 (data) naming `field`.
    static func refused(_ message: String, field: String, conflict: Bool) -> Problem {
        conflict ? Problem.conflict(message, field: field) : Problem.invalid(field: field, message)
    }

    /// Checks what a work order with channel `meeting` would be filed with; nothing is written.
    static func validateOrder(
        _ req: Request, _ principal: Principal, title: String, description: String, categoryCode: String?,
        division: String, requesterName: String? = nil, requesterPhone: String? = nil
    ) async throws -> ValidWorkOrder {
        let service = WorkOrderService(application: req.application, database: req.db)
        return try await service.validate(
            NewWorkOrder(
                title: String(title.prefix(200)), description: String(description.prefix(4000)), categoryCode: categoryCode,
                channel: LianxinCore.Channel.meeting.rawValue, requestKind: RequestKind.assistance.rawValue, divisionCode: division,
                requesterName: requesterName, requesterPhone: requesterPhone), scope: principal.division)
    }

    /// Files a checked order through the normal intake (routing, SLA clocks, numbering).
    static func file(_ order: ValidWorkOrder, _ req: Request, _ principal: Principal) async throws -> WorkOrder {
        guard principal.role.can(.createWorkOrders) else {
            await req.audit(.permissionDenied, result: .denied, target: "\(req.method.rawValue) \(req.url.path)", detail: "needs createWorkOrders")
            throw Problem.forbidden
        }
        return try await WorkOrderService(application: req.application, database: req.db)
            .create(order, by: principal.workOrderActor, idempotencyKey: nil).0
    }

    /// Query-string escaping for redirects with a notice.
    static func escaped(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
}
