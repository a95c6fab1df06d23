import Fluent
import LianxinCore
import SQLKit
import Vapor

/// Applies the escalation rules to SLA alerts that have fired (the `work-orders.escalate` job): for each, the
/// rule for its kind, stage and occurrence decides the step (催办, 督办 or 领导督办) the system takes on the order
/// and who else is told. The step, the inbox messages and the alert's `escalated_at` mark are written in one
/// transaction, and the mark is taken only if no other instance took it first, so each alert escalates once.
enum EscalationJob {
    /// How late an alert may fire and still escalate.
    static let staleAfter: TimeInterval = 86_400

    /// Another instance applied this alert's rule first.
    private struct AlreadyApplied: Error {}

    /// One pass over at most `batch` fired, unapplied alerts, oldest first; returns how many steps were taken.
    @discardableResult
    static func run(_ app: Application, batch: Int = 100) async throws -> Int {
        let db = app.db
        let pending = try await SLAAlert.query(on: db).filter(\.$firedAt != nil).filter(\.$escalatedAt == nil)
            .sort(\.$firedAt).sort(\.$id).limit(batch).all()
        guard !pending.isEmpty else { return 0 }
        let rules = try await EscalationRuleRecord.all(on: db)
        let service = WorkOrderService(application: app, database: db)
        var taken = 0
        for alert in pending {
            let alertID = try alert.requireID()
            // An alert that fired more than a day after it was due (an order imported from the previous system, whose
            // deadline had long passed) is recorded but not escalated: a county's backlog is not supervised at once.
            let stale = alert.firedAt.map { $0.timeIntervalSince(alert.dueAt) > Self.staleAfter } ?? true
            guard !stale, let trigger = EscalationTrigger(rawValue: alert.kind), let stage = SLAStage(rawValue: alert.stage),
                let order = try await WorkOrder.find(alert.orderID, on: db)
            else {
                try await markWithoutStep(alertID, app)
                continue
            }
            let earlier = try await SLAAlert.query(on: db).filter(\.$orderID == alert.orderID).filter(\.$kind == alert.kind)
                .filter(\.$escalatedAt != nil).count()
            let occurrence = earlier + 1
            guard let rule = EscalationPlan.rule(for: trigger, stage: stage, occurrence: occurrence, in: rules) else {
                try await markWithoutStep(alertID, app)
                continue
            }
            let note = EscalationPlan.note(step: rule.step, trigger: trigger, stage: stage, occurrence: occurrence)
            let action: WorkOrderAction = rule.step == .remind ? .remind(note: note) : .supervise(deadline: nil, note: note)
            let now = app.lianxin.now()
            do {
                _ = try await service.apply(action, to: order, by: .system) { db, _ in
                    guard try await claim(alertID, at: now, on: db) else { throw AlreadyApplied() }
                    try await Notifications.escalated(rule, note: note, order: order, on: db, now: now)
                }
                taken += 1
                app.lianxin.metrics.increment("lianxin_escalations_total", labels: [("step", rule.step.rawValue)])
            } catch is AlreadyApplied {
                continue
            } catch let problem as Problem where problem.status == .forbidden || problem.type == "illegal-transition" {
                // The order is past the step (closed, shelved, cancelled meanwhile): nothing to escalate.
                try await markWithoutStep(alertID, app)
            } catch let problem as Problem where problem.status == .conflict {
                // Someone changed the order at the same moment: the next pass tries again.
                app.logger.info("escalation of alert \(alertID) deferred: \(problem.detail)")
            }
        }
        return taken
    }

    /// Takes the alert for this transaction: true only for the first taker.
    private static func claim(_ id: UUID, at now: Date, on db: any Database) async throws -> Bool {
        try await !db.sql.raw(
            "UPDATE sla_alerts SET escalated_at = \(bind: now) WHERE id = \(bind: id) AND escalated_at IS NULL RETURNING id"
        ).all().isEmpty
    }

    /// Marks an alert no rule applies to (or whose order is past it), so it is not looked at again.
    private static func markWithoutStep(_ id: UUID, _ app: Application) async throws {
        let now = app.lianxin.now()
        try await app.lianxin.writes.run { _ = try await claim(id, at: now, on: app.db) }
    }
}
