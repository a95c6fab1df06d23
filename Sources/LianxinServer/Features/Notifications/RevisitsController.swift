import Fluent
import LianxinCore
import Vapor

/// The operators' side of the revisit: the queue of unanswered revisits (`/revisits`), 满意率 by the
/// channel evaluations came by (page and `GET /api/v1/revisits/satisfaction`), and the telephone
/// keypad's evaluations (`POST /api/v1/revisits/keypad`, for the hotline's voice system).
struct RevisitsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("revisits", use: page)
        let api = routes.grouped("api", "v1", "revisits")
        api.get("satisfaction", use: satisfaction)
        api.post("keypad", use: keypad)
    }

    /// Who works the revisit: the hotline's operators and dispatchers, and the supervisors and leaders who
    /// read its figures (a unit's staff see their own orders only, so not the division's revisits).
    static let roles: Set<Role> = [.operator, .dispatcher, .supervisor, .leader]

    /// The principal, when their role works the revisit.
    static func principal(_ req: Request) async throws -> Principal {
        let principal = try await req.require(.viewWorkOrders)
        guard roles.contains(principal.role) else {
            await req.audit(.permissionDenied, result: .denied, target: "\(req.method.rawValue) \(req.url.path)", detail: "revisits")
            throw Problem.forbidden
        }
        return principal
    }

    struct QueueRow: Encodable, Sendable {
        let orderID: String
        let number: String
        let title: String
        let invitedAt: String
    }

    struct Figure: Encodable, Sendable {
        let channel: String
        let evaluated: Int
        let satisfied: Int
        let rate: String
    }

    struct Model: Encodable, Sendable {
        let queue: [QueueRow]
        let figures: [Figure]
    }

    func page(req: Request) async throws -> Response {
        let principal = try await Self.principal(req)
        let invitations = try await RevisitQueries.queue(within: principal.division, on: req.db)
        let orders = try await WorkOrder.query(on: req.db).filter(\.$id ~~ invitations.map(\.orderID)).all()
            .reduce(into: [UUID: WorkOrder]()) { $0[$1.id!] = $1 }
        let queue = invitations.compactMap { invitation in
            orders[invitation.orderID].map {
                QueueRow(
                    orderID: invitation.orderID.uuidString, number: $0.number, title: $0.title,
                    invitedAt: WorkbenchLookup.beijing(invitation.invitedAt))
            }
        }
        let figures = try await RevisitQueries.satisfactionByChannel(within: principal.division, on: req.db).map {
            Figure(
                channel: req.t("notify_evaluation_\($0.channel)"), evaluated: $0.evaluated, satisfied: $0.satisfied,
                rate: $0.rate.map { String(format: "%.1f%%", $0) } ?? "—")
        }
        return try await req.page("notifications/revisits", title: "notify_revisits_title", model: Model(queue: queue, figures: figures))
    }

    func satisfaction(req: Request) async throws -> Response {
        let principal = try await Self.principal(req)
        let figures = try await RevisitQueries.satisfactionByChannel(within: principal.division, on: req.db)
        let response = Response(status: .ok)
        try response.content.encode(figures, as: .json)
        return response
    }

    /// What the voice system sends: the order's number and the keys pressed (满意 1, 基本满意 2, 不满意 3; solved 1, not 2).
    struct KeypadInput: Content {
        var number: String?
        var satisfactionKey: String?
        var solvedKey: String?
    }

    func keypad(req: Request) async throws -> Response {
        let principal = try await req.require(.createWorkOrders)
        let input = try req.content.decode(KeypadInput.self)
        let satisfaction = ["1": Satisfaction.satisfied, "2": .basicallySatisfied, "3": .dissatisfied][input.satisfactionKey ?? ""]
        let solved = ["1": true, "2": false][input.solvedKey ?? ""]
        var checks = InputValidator(req)
        if input.number?.isEmpty ?? true { checks.fail("/number", key: "notify_keypad_number") }
        if satisfaction == nil { checks.fail("/satisfactionKey", key: "notify_keypad_satisfaction") }
        if solved == nil { checks.fail("/solvedKey", key: "notify_keypad_solved") }
        try checks.finish()
        guard let order = try await WorkOrder.query(on: req.db).filter(\.$number == input.number!).first() else {
            throw Problem.notFound("work order")
        }
        guard principal.canSee(divisionCode: order.divisionCode) else {
            throw await req.outOfScope("work order", target: "work-order:\(order.number)")
        }
        let action = WorkOrderAction.revisit(Evaluation(satisfaction: satisfaction!, solved: solved!))
        let updated = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .system)
        return try await WorkOrderLookup.dto(updated, req).encodeResponse(for: req)
    }
}
