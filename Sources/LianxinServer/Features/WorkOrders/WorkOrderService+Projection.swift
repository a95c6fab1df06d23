import Vapor
import Fluent
import SQLKit
import LianxinCore

extension WorkOrderService {
    /// The stored form of an event.
    static func record(of event: WorkOrderEvent) throws -> WorkOrderEventRecord {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601withFractions
        let record = WorkOrderEventRecord()
        record.id = UUID()
        record.orderID = event.orderID
        record.sequence = event.sequence
        record.kind = event.kind.rawValue
        record.fromStatus = event.from?.rawValue
        record.toStatus = event.to.rawValue
        record.actor = event.actor.kind.rawValue
        record.actorID = event.actor.id
        record.at = event.at
        record.note = event.note
        record.event = String(decoding: try encoder.encode(event), as: UTF8.self)
        return record
    }

    /// What subscribers are told about an event.
    static func webhook(of event: WorkOrderEvent, order: WorkOrder) -> (kind: String, payload: WorkOrderWebhookPayload) {
        (
            "workOrder.\(event.kind.rawValue)",
            WorkOrderWebhookPayload(
                event: event.kind.rawValue, orderId: event.orderID, number: order.number, status: event.to.rawValue,
                departmentId: order.departmentID, divisionCode: order.divisionCode, at: event.at, note: event.note)
        )
    }

    /// Replaces the order's unfired alerts with those of its running clocks, leaving out any that already fired for
    /// the same stage, kind and deadline (a later step must not bring a breach back); a deadline moved by an
    /// extension is a new alert.
    static func syncAlerts(orderID: UUID, clocks: WorkOrderClocks, calendar: WorkCalendar, now: Date, on db: any Database) async throws {
        try await SLAAlert.query(on: db).filter(\.$orderID == orderID).filter(\.$firedAt == nil).delete()
        let fired = try await SLAAlert.query(on: db).filter(\.$orderID == orderID).filter(\.$firedAt != nil).all()
        let alerts = alerts(orderID: orderID, clocks: clocks, calendar: calendar, now: now).filter { alert in
            !fired.contains { $0.stage == alert.stage && $0.kind == alert.kind && abs($0.dueAt.timeIntervalSince(alert.dueAt)) < 1 }
        }
        if !alerts.isEmpty { try await alerts.create(on: db) }
    }
}
