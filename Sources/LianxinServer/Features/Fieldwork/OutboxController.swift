import Fluent
import Foundation
import LianxinCore
import Vapor

/// `POST /api/v1/outbox`: a step an order's handler or a grid member did on the phone without signal, sent when the
/// network returns, with the phone's idempotency key and the time it was done. It is applied exactly once and counts
/// from when it was done (within `OfflineTiming`'s limits); the same key sent again answers as the first time. A step
/// the order no longer allows (closed, reassigned, changed meanwhile) is kept as a conflict with what to do.
struct OutboxController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1").post("outbox", use: submit)
    }

    struct Submission: Content {
        var key: String?
        var orderId: UUID?
        var doneAt: Date?
        var step: TransitionInput?
    }

    struct Outcome: Content {
        var key: String
        var outcome: String
        var orderId: UUID
        var doneAt: Date
        var receivedAt: Date
        var eventSequence: Int?
        var conflict: String?
        var message: String?
    }

    func submit(req: Request) async throws -> Outcome {
        let principal = try await req.require(.viewWorkOrders)
        let input = try req.content.decode(Submission.self)
        let key = (input.key ?? "").trimmingCharacters(in: .whitespaces)
        var checks = InputValidator(req)
        if !(8...100).contains(key.count) { checks.fail("/key", key: "offline_key_length") }
        if input.orderId == nil { checks.fail("/orderId", key: "offline_required") }
        if input.doneAt == nil { checks.fail("/doneAt", key: "offline_required") }
        if input.step == nil { checks.fail("/step", key: "offline_required") }
        try checks.finish()
        guard let orderID = input.orderId, let doneAt = input.doneAt, let step = input.step else { throw Abort(.unprocessableEntity) }
        let texts = req.lianxin.localizer, language = req.language
        let say: (OutboxConflict) -> String = { texts.text("offline_conflict_\($0.rawValue)", language) }
        if let earlier = try await OfflineSubmission.query(on: req.db).filter(\.$userID == principal.userID).filter(\.$key == key).first() {
            return Self.outcome(earlier, say: say)
        }
        let action = try step.resolved()
        let order: WorkOrder
        do {
            order = try await WorkOrderLookup.find(orderID.uuidString, for: principal, on: req)
        } catch let problem as Problem where problem.status == .notFound {
            // Out of sight now: when the sender took part in the order before (it was reassigned away from them),
            // the step is a named conflict; anyone else hears 404, as for any order out of scope.
            guard let gone = try await Self.formerlyHandled(orderID, by: principal, on: req.db) else { throw problem }
            order = gone
        }
        let receivedAt = req.lianxin.now()
        let row = OfflineSubmission()
        row.key = key
        row.userID = principal.userID
        row.orderID = orderID
        row.action = action.kind.rawValue
        row.doneAt = doneAt
        row.receivedAt = receivedAt
        let service = WorkOrderService(application: req.application, database: req.db)
        do {
            let record = row
            _ = try await service.apply(action, to: order, by: .staff(principal), doneAt: doneAt) { db, event in
                record.outcome = "applied"
                record.eventSequence = event.sequence
                try await record.save(on: db)
            }
        } catch let problem as Problem where [.conflict, .forbidden].contains(problem.status) {
            // Refused by the order's state now: kept as a conflict, with what happened and what to do.
            let fresh = try await WorkOrder.find(orderID, on: req.db) ?? order
            let conflict = OutboxConflict.classify(try WorkOrderService.decodeState(fresh), unitID: principal.departmentID)
            row.outcome = "conflict"
            row.conflict = conflict.rawValue
            try await row.save(on: req.db)
        }
        return Self.outcome(row, say: say)
    }

    /// The order, when `principal` acted on it earlier (and so may hear that it moved on); nil otherwise.
    static func formerlyHandled(_ orderID: UUID, by principal: Principal, on db: any Database) async throws -> WorkOrder? {
        guard let order = try await WorkOrder.find(orderID, on: db) else { return nil }
        let events = try await WorkOrderEventRecord.query(on: db).filter(\.$orderID == orderID).all().map(WorkOrderService.decodeEvent)
        return events.contains { $0.actor.id == principal.userID } ? order : nil
    }

    /// The answer for `row`, with the conflict's message (what happened and what to do) from the locale files.
    static func outcome(_ row: OfflineSubmission, say: (OutboxConflict) -> String) -> Outcome {
        let conflict = row.conflict.flatMap(OutboxConflict.init(rawValue:))
        return Outcome(
            key: row.key, outcome: row.outcome, orderId: row.orderID, doneAt: row.doneAt, receivedAt: row.receivedAt,
            eventSequence: row.eventSequence, conflict: conflict?.rawValue, message: conflict.map(say))
    }
}
