import Vapor
import Fluent
import SQLKit
import LianxinCore

/// The background loop of `serve`: raises SLA warnings and breaches from the persisted alerts,
/// delivers queued webhooks, picks up new classifier models and runs the scheduled hotspot pass.
///
/// Raises SLA warnings and breaches from the persisted alerts. The database is the queue: each
/// sweep claims due, unfired alerts (on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so that several
/// instances never claim the same row), marks them fired and notifies, in one transaction.
/// A restart loses nothing and repeats nothing, because "fired" is a column, not memory.
struct SLAScheduler: LifecycleHandler {
    /// How often an instance sweeps.
    let interval: Duration
    let instance: String

    init(interval: Duration = .seconds(5), instance: String = UUID().uuidString) {
        self.interval = interval
        self.instance = instance
    }

    private final class Runner: @unchecked Sendable { var task: Task<Void, Never>? }
    private let runner = Runner()

    /// Starts sweeping; `serve` calls this once the schema is ready (commands never sweep).
    func start(_ application: Application) {
        let interval = self.interval
        let instance = self.instance
        runner.task = Task {
            var nextHousekeeping = Date()
            while !Task.isCancelled {
                do {
                    _ = try await Self.sweep(application, instance: instance)
                } catch {
                    application.logger.warning("SLA sweep failed", metadata: ["error": "\(error)"])
                }
                do {
                    _ = try await WebhookDispatcher.deliverDue(application, sender: HTTPWebhookSender(client: application.client))
                } catch {
                    application.logger.warning("webhook delivery failed", metadata: ["error": "\(error)"])
                }
                if Date() >= nextHousekeeping {
                    nextHousekeeping = Date().addingTimeInterval(30)
                    await Self.housekeeping(application)
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Every half minute: switch to a newer classifier model if one was stored, version in the grid
    /// changes whose day has come, and run the hotspot pass of the current slot if no instance has yet.
    static func housekeeping(_ application: Application) async {
        do {
            try await application.lianxin.classifier.refresh(on: application.db)
        } catch {
            application.logger.warning("classifier refresh failed", metadata: ["error": "\(error)"])
        }
        do {
            try await GridChangesController.applyDue(application)
        } catch {
            application.logger.warning("applying grid changes failed", metadata: ["error": "\(error)"])
        }
        do {
            if let run = try await HotspotService.runScheduled(app: application) {
                application.logger.info("hotspot pass", metadata: ["hotspots": "\(run.hotspotCount)", "orders": "\(run.orderCount)",
                                                                  "ms": "\(Int(run.durationMilliseconds))"])
            }
        } catch {
            application.logger.warning("hotspot pass failed", metadata: ["error": "\(error)"])
        }
    }

    func shutdownAsync(_ application: Application) async {
        runner.task?.cancel()
        await runner.task?.value
    }

    /// One sweep: fires every alert due by now (at most `batch` at a time) and returns how many fired.
    @discardableResult
    static func sweep(_ app: Application, instance: String, batch: Int = 200) async throws -> Int {
        let now = app.lianxin.now()
        let fired = try await app.lianxin.writes.run { try await app.db.transaction { db -> [SLAAlert] in
            let sql = db.sql
            let lock = sql.dialect.name == "sqlite" ? "" : " FOR UPDATE SKIP LOCKED"
            let ids = try await sql.raw("""
                SELECT id FROM sla_alerts WHERE fired_at IS NULL AND due_at <= \(bind: now)
                ORDER BY due_at LIMIT \(unsafeRaw: String(batch))\(unsafeRaw: lock)
                """).all().map { try $0.decode(column: "id", as: UUID.self) }
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
                try await WebhookDispatcher.enqueue(
                    [(kind: "sla.\(alert.kind)",
                      payload: WorkOrderWebhookPayload(event: "sla.\(alert.kind)", orderId: alert.orderID, number: order.number, status: order.status,
                                                       departmentId: order.departmentID, divisionCode: order.divisionCode, at: now,
                                                       note: stage.rawValue))],
                    on: db, now: now)
            }
            return alerts
        } }
        for alert in fired {
            app.lianxin.metrics.increment("lianxin_sla_alerts_total", labels: [("kind", alert.kind), ("stage", alert.stage)])
        }
        return fired.count
    }
}
