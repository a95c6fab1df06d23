import Vapor
import Fluent
import LianxinCore

extension UnitService {
    /// The statuses in which an order waits on its unit (dispatched to it, signed, on site, in
    /// progress, sent back by it, reopened to it). Orders the unit has completed wait on review or
    /// the resident, not on the unit, and stay where they are.
    static let waitingStatuses: [WorkOrderStatus] = [.dispatched, .returned, .signed, .arrived, .inProgress, .reopened]

    /// The orders waiting on `unit`, oldest first.
    func ordersWaiting(on unit: Department) async throws -> [WorkOrder] {
        try await WorkOrder.query(on: database).filter(\.$departmentID == unit.requireID())
            .filter(\.$status ~~ Self.waitingStatuses.map(\.rawValue)).sort(\.$createdAt).sort(\.$id).all()
    }

    /// Disables `unit`. When orders wait on it, `reassignTo` (a unit code) must name an active unit
    /// that may serve every one of them; each is then redispatched to it by the system (改派, with
    /// the reason in its history, its clocks restarting as for any redispatch) and the unit is
    /// disabled last, so a failure leaves it active with what remains (the call may be repeated).
    /// Without `reassignTo` it answers 409 with the number of orders.
    func disable(_ unit: Department, reassignTo code: String?) async throws -> (unit: Department, moved: Int) {
        let texts = InputValidator(context.localizer)
        let orders = try await ordersWaiting(on: unit)
        var target: Department?
        if !orders.isEmpty {
            guard let code = code?.trimmingCharacters(in: .whitespaces), !code.isEmpty else {
                throw Problem.conflict(texts.message("units_disable_orders", ["count": "\(orders.count)"]), field: "/reassignTo")
            }
            target = UnitChecks.isCode(code) ? try await Department.query(on: database).filter(\.$code == code).first() : nil
            guard let target, target.id != unit.id,
                orders.allSatisfy({ order in
                    guard let division = DivisionCode(order.divisionCode) else { return false }
                    return DepartmentLookup.mayServe(target, division: division, for: principal) && order.id != nil
                })
            else {
                throw Problem.invalid(field: "/reassignTo", texts.message("units_reassign_unusable", ["code": String(code.prefix(32))]))
            }
            let reason = texts.message("units_reassign_reason", ["from": unit.name, "to": target.name])
            let now = context.now()
            let targetID = try target.requireID()
            for order in orders {
                let state = try WorkOrderService.decodeState(order)
                _ = try WorkOrderService.step { () throws(TransitionError) in
                    try WorkOrderMachine.apply(.redispatch(departmentID: targetID, reason: reason), to: state, by: .system, at: now)
                }
            }
            let service = WorkOrderService(application: application, database: database)
            for order in orders {
                _ = try await service.apply(.redispatch(departmentID: targetID, reason: reason), to: order, by: .system)
            }
        }
        unit.active = false
        let (actor, ip, now) = (self.actor, self.ip, context.now())
        let detail = target.map { "disabled; \(orders.count) orders redispatched to \($0.code)" } ?? "disabled"
        try await context.writes.run {
            try await database.transaction { db in
                try await unit.update(on: db)
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: actor, target: "unit:\(unit.code)", recordDivision: unit.divisionCode, ip: ip,
                    detail: detail, at: now, on: db)
            }
        }
        context.referenceCache.clear()
        return (unit, orders.count)
    }
}
