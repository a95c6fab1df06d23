import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Raises SLA warnings and breaches from the persisted alerts (the `work-orders.sla-sweep` job).
/// The database is the queue: each sweep claims due, unfired alerts (on PostgreSQL with
/// `FOR UPDATE SKIP LOCKED`, so that several instances never claim the same row), marks them fired
/// and notifies, in one transaction. A restart loses nothing and repeats nothing, because "fired" is
/// a column, not memory.
enum SLASweep {
    /// This process's name in `sla_alerts.fired_by`.
    static let instance = UUID().uuidString

    /// One sweep: fires every alert due by now (at most `batch` at a time) and returns how many fired.
    @discardableResult
    static func sweep(_ app: Application, instance: String, batch: Int = 200) async throws -> Int {
        let now = app.lianxin.now()
        let fired = try await app.lianxin.writes.run {
            try await app.db.transaction { db -> [SLAAlert] in
                let ids = try await WorkOrderQueries.claimDueAlerts(now: now, batch: batch, on: db)
                guard !ids.isEmpty else { return [] }
                let alerts = try await SLAAlert.query(on: db).filter(\.$id ~~ ids).filter(\.$firedAt == nil).all()
                let orders = try await WorkOrder.query(on: db).filter(\.$id ~~ Set(alerts.map(\.orderID))).all()
                    .reduce(into: [UUID: WorkOrder]()) { $0[$1.id!] = $1 }
                for alert in alerts {
                    alert.firedAt = now
                    alert.firedBy = instance
                    try await alert.update(on: db)
                    guard let order = orders[alert.orderID], let stage = SLAStage(rawValue: alert.stage) else { continue }
                    if alert.kind == "breach", order.status != WorkOrderStatus.shelved.rawValue, !order.overdue {
                        order.overdue = true
                        try await order.update(on: db)
                    }
                    try await Notifications.slaAlert(kind: alert.kind, stage: stage, order: order, on: db, now: now)
                    try await NotificationOutbox.slaAlert(kind: alert.kind, stage: stage, order: order, context: app.lianxin, on: db, now: now)
                    try await WebhookDispatcher.enqueue(
                        [
                            (
                                kind: "sla.\(alert.kind)",
                                payload: WorkOrderWebhookPayload(
                                    event: "sla.\(alert.kind)", orderId: alert.orderID, number: order.number, status: order.status,
                                    departmentId: order.departmentID, divisionCode: order.divisionCode, at: now,
                                    note: stage.rawValue)
                            )
                        ],
                        on: db, now: now)
                }
                return alerts
            }
        }
        for alert in fired {
            app.lianxin.metrics.increment("lianxin_sla_alerts_total", labels: [("kind", alert.kind), ("stage", alert.stage)])
        }
        return fired.count
    }
}
