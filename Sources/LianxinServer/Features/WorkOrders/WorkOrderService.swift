import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Creates work orders and moves them through the state machine. Each write — the order row, its
/// event and its SLA alerts — happens in one transaction; the row is a projection of the events.
struct WorkOrderService {
    let application: Application
    let database: any Database

    var context: LianxinContext { application.lianxin }

    /// Appends the event row and queues its webhooks, in the caller's transaction.
    static func append(_ event: WorkOrderEvent, on db: any Database, order: WorkOrder) async throws {
        try await record(of: event).create(on: db)
        try await WebhookDispatcher.enqueue([webhook(of: event, order: order)], on: db, now: event.at)
    }

    /// A warning and a breach alert for each running, unpaused clock.
    static func alerts(orderID: UUID, clocks: WorkOrderClocks, calendar: WorkCalendar, now: Date) -> [SLAAlert] {
        clocks.clocks.filter { $0.isRunning && $0.pausedSince == nil }.flatMap { clock in
            [
                SLAAlert(orderID: orderID, stage: clock.stage.rawValue, kind: "warning", dueAt: clock.warningTime(asOf: now, in: calendar)),
                SLAAlert(orderID: orderID, stage: clock.stage.rawValue, kind: "breach", dueAt: clock.due(asOf: now, in: calendar)),
            ]
        }
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601withFractions
        return decoder
    }

}

extension WorkOrderAction {
    enum Target { case dispatch(UUID) }
    /// The department an action sends the order to, if any.
    var departmentTarget: Target? {
        switch self {
        case .dispatch(let id, _, _), .redispatch(let id, _): .dispatch(id)
        default: nil
        }
    }

    /// The photos an action cites.
    var photoIDs: [UUID]? {
        switch self {
        case .addProgressNote(_, let ids), .complete(_, let ids, _), .addInformation(_, let ids), .appealAssessment(_, _, let ids),
            .verify(_, _, let ids, _), .reportAssist(_, let ids):
            ids
        default: nil
        }
    }
}
