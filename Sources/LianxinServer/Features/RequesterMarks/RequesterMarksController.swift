import Fluent
import LianxinCore
import Vapor

/// Requester marks over the API: propose one from an order, the centre's decisions, the list and the desk's
/// look-up by phone. Phones never leave masked; the look-up answers only kinds, reasons and dates.
struct RequesterMarksController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("api", "v1", "work-orders", ":id", "requester-marks", use: propose)
        let api = routes.grouped("api", "v1", "requester-marks")
        api.get(use: list)
        api.get("check", use: check)
        api.post(":id", "decision", use: decide)
    }

    struct MarkDTO: Content {
        var id: UUID?
        var kind: String
        var kindLabel: String
        var reason: String
        var status: String
        var statusLabel: String
        var orderId: UUID
        var orderNumber: String
        var days: Int
        var proposedBy: String
        var proposedAt: Date
        var decidedBy: String?
        var decidedAt: Date?
        var decisionNote: String?
        var expiresAt: Date?
        /// The day the mark lapses, in Beijing time (YYYY-MM-DD).
        var expiresOn: String?
    }

    struct ListDTO: Content {
        var pending: [MarkDTO]
        var inForce: [MarkDTO]
    }

    static func dto(_ mark: RequesterMark, _ req: Request) -> MarkDTO {
        MarkDTO(
            id: mark.id, kind: mark.kind, kindLabel: req.t("mark_kind_\(mark.kind)"), reason: mark.reason, status: mark.status,
            statusLabel: req.t("mark_status_\(mark.status)"), orderId: mark.orderID, orderNumber: mark.orderNumber, days: mark.days,
            proposedBy: mark.proposedByName, proposedAt: mark.proposedAt, decidedBy: mark.decidedByName, decidedAt: mark.decidedAt,
            decisionNote: mark.decisionNote, expiresAt: mark.expiresAt,
            expiresOn: mark.expiresAt.map { LocalDate($0, in: WorkCalendar.shanghai).description })
    }

    func propose(req: Request) async throws -> Response {
        let principal = try await req.require(.proposeRequesterMarks)
        let input = try req.content.decode(RequesterMarkService.Proposal.self)
        let mark = try await RequesterMarkService(req: req, principal: principal).propose(orderID: req.parameters.get("id"), input)
        return try await Self.dto(mark, req).encodeResponse(status: .created, for: req)
    }

    func decide(req: Request) async throws -> MarkDTO {
        let principal = try await req.require(.decideRequesterMarks)
        let input = try req.content.decode(RequesterMarkService.Decision.self)
        return Self.dto(try await RequesterMarkService(req: req, principal: principal).decide(req.parameters.get("id"), input), req)
    }

    func list(req: Request) async throws -> ListDTO {
        let principal = try await req.require(.readRequesterMarks)
        let (pending, inForce) = try await RequesterMarkService(req: req, principal: principal).list()
        return ListDTO(pending: pending.map { Self.dto($0, req) }, inForce: inForce.map { Self.dto($0, req) })
    }

    func check(req: Request) async throws -> [MarkDTO] {
        let principal = try await req.require(.readRequesterMarks)
        return try await RequesterMarkService(req: req, principal: principal).inForce(phone: req.query[String.self, at: "phone"])
            .map { Self.dto($0, req) }
    }
}
