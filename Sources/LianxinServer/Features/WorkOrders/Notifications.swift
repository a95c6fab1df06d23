import Fluent
import Foundation
import LianxinCore

/// The in-app inbox: who hears about what. Written in the same transaction as the event.
enum Notifications {
    /// Messages caused by an event: a dispatched order to its department, a returned one to the
    /// dispatchers of its division, an extension request to the supervisors and its decision to the unit,
    /// a reopened, reminded (催办) or supervised (督办) one to the unit.
    static func after(_ event: WorkOrderEvent, order: WorkOrder, on db: any Database, now: Date) async throws {
        let label = "\(order.number) \(order.title)"
        for assisting in event.payload.assistDepartmentIDs ?? [] {
            try await send(kind: "assistsAdded", text: "协办工单待签收：\(label)", department: assisting, order: order, on: db, now: now)
        }
        switch event.kind {
        case .dispatched, .redispatched, .reopened:
            if let department = order.departmentID {
                try await send(kind: event.kind.rawValue, text: "新工单待签收：\(label)", department: department, order: order, on: db, now: now)
            }
        case .returned:
            try await send(
                kind: "returned", text: "工单被退回，待改派：\(label)（\(event.note ?? "")）", role: .dispatcher,
                division: order.divisionCode, order: order, on: db, now: now)
        case .returnRequested:
            try await send(
                kind: "returnRequested", text: "退单申请待审核：\(label)（\(event.note ?? "")）", role: .dispatcher,
                division: order.divisionCode, order: order, on: db, now: now)
        case .appealFiled:
            try await send(
                kind: "appealFiled", text: "核减申请待审核：\(label)（\(event.note ?? "")）", role: .supervisor,
                division: order.divisionCode, order: order, on: db, now: now)
        case .appealDecided:
            if let department = order.departmentID {
                let decision = event.payload.approved == true ? "核减申请已同意" : "核减申请未同意"
                try await send(
                    kind: "appealDecided", text: "\(decision)：\(label)\(event.note.map { "（\($0)）" } ?? "")",
                    department: department, order: order, on: db, now: now)
            }
        case .returnRefused:
            if let department = order.departmentID {
                try await send(
                    kind: "returnRefused", text: "退单未获同意，请继续办理：\(label)（\(event.note ?? "")）",
                    department: department, order: order, on: db, now: now)
            }
        case .extensionRequested:
            try await send(
                kind: "extensionRequested", text: "延期申请待审批：\(label)", role: .supervisor,
                division: order.divisionCode, order: order, on: db, now: now)
        case .extensionApproved, .extensionRefused:
            if let department = order.departmentID {
                let decision = event.kind == .extensionApproved ? "延期申请已批准" : "延期申请未批准"
                try await send(
                    kind: event.kind.rawValue, text: "\(decision)：\(label)\(event.note.map { "（\($0)）" } ?? "")",
                    department: department, order: order, on: db, now: now)
            }
        case .reminded, .supervised:
            if let department = order.departmentID {
                try await send(
                    kind: event.kind.rawValue,
                    text: "\(event.kind == .reminded ? "催办" : "督办")：\(label)\(event.note.map { "（\($0)）" } ?? "")",
                    department: department, order: order, on: db, now: now)
            }
        case .assistReleaseRequested:
            try await send(
                kind: "assistReleaseRequested", text: "退出协办申请待审核：\(label)（\(event.note ?? "")）", role: .dispatcher,
                division: order.divisionCode, order: order, on: db, now: now)
        case .assistReported:
            if let department = order.departmentID {
                try await send(kind: "assistReported", text: "协办单位已反馈：\(label)", department: department, order: order, on: db, now: now)
            }
        case .completed:
            try await send(
                kind: "completed", text: "工单已办结，待回访：\(label)", role: .operator,
                division: order.divisionCode, order: order, on: db, now: now)
        default:
            break
        }
    }

    /// An escalation rule's step: besides the unit (told by the step's own message), each audience the rule names, in
    /// the order's division.
    static func escalated(_ rule: EscalationRule, note: String, order: WorkOrder, on db: any Database, now: Date) async throws {
        let roles: [EscalationAudience: Role] = [.dispatchers: .dispatcher, .supervisors: .supervisor, .leaders: .leader]
        for audience in EscalationAudience.allCases where rule.audience.contains(audience) {
            guard let role = roles[audience] else { continue }
            try await send(
                kind: "escalated", text: "\(note)：\(order.number) \(order.title)", role: role, division: order.divisionCode, order: order, on: db,
                now: now)
        }
    }

    /// An SLA warning or breach: to the handling department, and for breaches to the supervisors too.
    static func slaAlert(kind: String, stage: SLAStage, order: WorkOrder, on db: any Database, now: Date) async throws {
        let word = kind == "breach" ? "已超期" : "即将超期"
        let text = "\(stage.title(english: false))\(word)：\(order.number) \(order.title)"
        if let department = order.departmentID {
            try await send(kind: "sla.\(kind)", text: text, department: department, order: order, on: db, now: now)
        } else {
            try await send(kind: "sla.\(kind)", text: text, role: .dispatcher, division: order.divisionCode, order: order, on: db, now: now)
        }
        if kind == "breach" {
            try await send(kind: "sla.breach", text: text, role: .supervisor, division: order.divisionCode, order: order, on: db, now: now)
        }
    }

    private static func send(
        kind: String, text: String, department: UUID? = nil, role: Role? = nil, division: String? = nil,
        order: WorkOrder, on db: any Database, now: Date
    ) async throws {
        let note = Notification()
        note.kind = kind
        note.text = text
        note.departmentID = department
        note.role = role?.rawValue
        note.divisionCode = division
        note.orderID = order.id
        note.link = order.id.map { "/orders/\($0.uuidString)" }
        note.subject = "\(order.number) \(order.title)"
        note.createdAt = now
        try await note.create(on: db)
    }
}
