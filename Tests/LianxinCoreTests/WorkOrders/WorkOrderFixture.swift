import Foundation
@testable import LianxinCore

/// Shared actors, units and ready-made orders for the work-order tests.
enum WorkOrderFixture {
    static let unit = uuid(0xD1)
    static let otherUnit = uuid(0xD2)
    static let orderID = uuid(0x01)
    static let parentID = uuid(0x02)
    static let photo = uuid(0xF1)
    static let start = beijingTime("2025-03-03 09:00")

    static let resident = WorkOrderActor.resident()
    static let operatorStaff = WorkOrderActor.staff(.operator, id: uuid(0xA1))
    static let dispatcher = WorkOrderActor.staff(.dispatcher, id: uuid(0xA2))
    static let supervisor = WorkOrderActor.staff(.supervisor, id: uuid(0xA3))
    static let leader = WorkOrderActor.staff(.leader, id: uuid(0xA4))
    static let admin = WorkOrderActor.staff(.admin, id: uuid(0xA5))
    static let handler = WorkOrderActor.staff(.departmentHandler, id: uuid(0xB1), departmentID: unit)
    static let lead = WorkOrderActor.staff(.departmentLead, id: uuid(0xB2), departmentID: unit)
    static let outsider = WorkOrderActor.staff(.departmentHandler, id: uuid(0xB3), departmentID: otherUnit)

    /// A UUID whose last byte is `byte`, readable in failures.
    static func uuid(_ byte: UInt8) -> UUID {
        UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, byte))
    }

    /// A staff member of `role`, in `unit` when the role belongs to one.
    static func staff(_ role: Role, in unit: UUID? = WorkOrderFixture.unit) -> WorkOrderActor {
        .staff(role, id: uuid(0xC0 + UInt8(Role.allCases.firstIndex(of: role)!)), departmentID: unit)
    }

    /// An order walked through `steps` one minute apart from `start`, with every event.
    static func walk(
        _ steps: [(WorkOrderAction, WorkOrderActor)], id: UUID = orderID, tier: Tier = .simple,
        priority: Priority = .normal, rules: WorkOrderRules = .standard
    ) throws -> (state: WorkOrderState, events: [WorkOrderEvent]) {
        var transition = try WorkOrderMachine.create(
            WorkOrderIntake(orderID: id, tier: tier, priority: priority), by: resident, at: start)
        var events = [transition.event]
        for (index, (action, actor)) in steps.enumerated() {
            transition = try WorkOrderMachine.apply(
                action, to: transition.state, by: actor, at: start.addingTimeInterval(Double(index + 1) * 60), rules: rules)
            events.append(transition.event)
        }
        return (transition.state, events)
    }

    /// The steps that bring a new order to `status`.
    static func steps(to status: WorkOrderStatus) -> [(WorkOrderAction, WorkOrderActor)] {
        let received: [(WorkOrderAction, WorkOrderActor)] = [(.accept(note: nil), operatorStaff)]
        let dispatched = received + [(.dispatch(departmentID: unit, note: nil), dispatcher)]
        let signed = dispatched + [(.sign, handler)]
        let inProgress = signed + [(.startProgress, handler)]
        let completed = inProgress + [(.complete(note: "已修复", photoIDs: [photo]), handler)]
        let evaluated = completed + [(.revisit(Evaluation(satisfaction: .satisfied, solved: true)), operatorStaff)]
        switch status {
        case .submitted: return []
        case .received: return received
        case .dispatched: return dispatched
        case .returned: return dispatched + [(.returnOrder(reason: "不属于本单位职责"), handler)]
        case .signed: return signed
        case .arrived: return signed + [(.arrive(location: GeoPoint(lon: 114.92, lat: 25.85)), handler)]
        case .inProgress: return inProgress
        case .completed: return completed
        // With an on-site check required (`order(in:)` sets the rule for this status).
        case .verifying: return completed
        case .reviewed: return completed + [(.review(approved: true, note: nil), dispatcher)]
        case .evaluated: return evaluated
        case .reopened: return evaluated + [(.reopen(reason: "问题复发"), operatorStaff)]
        case .shelved: return inProgress + [(.shelve(reason: "需纳入明年预算"), supervisor)]
        case .closed: return evaluated + [(.close(note: nil), operatorStaff)]
        case .cancelled: return received + [(.cancel(reason: "重复录入"), operatorStaff)]
        case .merged: return received + [(.merge(parentID: parentID), operatorStaff)]
        }
    }

    /// A fresh order in `status`.
    static func order(in status: WorkOrderStatus, rules: WorkOrderRules = .standard) throws -> WorkOrderState {
        var rules = rules
        if status == .verifying { rules.requiresVerification = true }
        return try walk(steps(to: status), rules: rules).state
    }
}
