import Fluent
import Foundation
import LianxinCore

/// Writes the outbox rows an event causes, inside the caller's transaction: the enabled rules of the
/// event decide the audiences and channels; each recipient gets one row with a unique key, so the same
/// event never yields the same message twice.
enum NotificationOutbox {
    /// Messages of a work-order event: a dispatch asks the unit to sign, a supervision tells it, a
    /// completion invites the requester to the revisit, a closure tells the requester.
    static func after(_ event: WorkOrderEvent, order: WorkOrder, context: LianxinContext, on db: any Database, now: Date) async throws {
        let kind: NotificationEvent
        switch event.kind {
        case .dispatched, .redispatched, .reopened: kind = .signReminder
        case .supervised: kind = .supervised
        case .completed: kind = .revisitInvitation
        case .closed, .answeredDirectly: kind = .completedNotice
        case .evaluated:
            try await RevisitService.evaluated(event, on: db)
            return
        default: return
        }
        var parameters = ["number": order.number, "title": order.title]
        if kind == .revisitInvitation {
            guard let link = try await RevisitService.invite(order, context: context, on: db, now: now) else { return }
            parameters["link"] = link
        }
        try await record(
            kind, occurrence: "\(event.orderID):\(event.sequence)", order: order, parameters: parameters, context: context, on: db, now: now)
    }

    /// Messages of an SLA warning or breach.
    static func slaAlert(kind: String, stage: SLAStage, order: WorkOrder, context: LianxinContext, on db: any Database, now: Date) async throws {
        let parameters = ["number": order.number, "title": order.title, "stage": stage.title(english: false)]
        try await record(
            kind == "breach" ? .slaBreach : .slaWarning, occurrence: "\(try order.requireID()):\(stage.rawValue):\(Int(now.timeIntervalSince1970))",
            order: order, parameters: parameters, context: context, on: db, now: now)
    }

    /// One row per enabled rule of `event` and recipient.
    static func record(
        _ event: NotificationEvent, occurrence: String, order: WorkOrder?, parameters: [String: String], context: LianxinContext,
        on db: any Database, now: Date
    ) async throws {
        let rules = try await NotificationRuleRecord.query(on: db).filter(\.$event == event.rawValue).filter(\.$enabled == true).all()
            .compactMap { row -> NotificationRule? in
                guard let audience = NotificationAudience(rawValue: row.audience), let channel = NotificationChannel(rawValue: row.channel) else {
                    return nil
                }
                let rule = NotificationRule(event, audience, channel)
                return rule.isDeliverable ? rule : nil
            }
        guard !rules.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = NotificationTemplate.render(context.localizer.text("notify_template_\(event.rawValue)", .zhCN), parameters)
        let encoded = String(decoding: try encoder.encode(parameters), as: UTF8.self)
        var rows: [OutboxMessage] = []
        for rule in rules {
            for recipient in try await recipients(rule, order: order, context: context, on: db) {
                let row = OutboxMessage()
                row.dedupeKey = "\(event.rawValue)|\(occurrence)|\(rule.channel.rawValue)|\(recipient.kind):\(recipient.id)"
                row.event = event.rawValue
                row.channel = rule.channel.rawValue
                row.audience = rule.audience.rawValue
                row.recipientKind = recipient.kind
                row.recipient = recipient.id
                row.recipientKey = recipient.key
                row.orderID = order?.id
                row.divisionCode = order?.divisionCode
                row.parameters = encoded
                row.text = text
                row.status = "pending"
                row.attempts = 0
                row.nextAttemptAt = now
                row.createdAt = now
                rows.append(row)
            }
        }
        if !rows.isEmpty { try await rows.create(on: db) }
    }

    struct Recipient {
        let kind: String
        let id: String
        let key: String
    }

    /// Who `rule` reaches for `order`: the unit's liaisons, the requester (when reachable and not opted
    /// out), a role's inbox in the order's division, or the group robot / webhook subscribers.
    static func recipients(_ rule: NotificationRule, order: WorkOrder?, context: LianxinContext, on db: any Database) async throws -> [Recipient] {
        switch (rule.audience, rule.channel) {
        case (.unit, .sms):
            guard let department = order?.departmentID else { return [] }
            return try await DepartmentLiaison.query(on: db).filter(\.$departmentID == department).sort(\.$sortOrder).all()
                .map { Recipient(kind: "liaison", id: try $0.requireID().uuidString, key: "liaison:\(try $0.requireID().uuidString)") }
        case (.requester, _):
            guard let order, order.requesterPhoneCipher != nil, let index = order.requesterPhoneIndex, !order.anonymous else { return [] }
            if try await NotificationOptOut.query(on: db).filter(\.$phoneIndex == index).first() != nil { return [] }
            return [Recipient(kind: "requester", id: try order.requireID().uuidString, key: "phone:\(index)")]
        case (.unit, _):
            guard let department = order?.departmentID else { return [] }
            return [Recipient(kind: "unit", id: department.uuidString, key: "unit:\(department.uuidString)")]
        case (.dispatchers, _), (.supervisors, _), (.operators, _):
            let role: Role = rule.audience == .dispatchers ? .dispatcher : rule.audience == .supervisors ? .supervisor : .operator
            return [Recipient(kind: "role", id: role.rawValue, key: "role:\(role.rawValue):\(order?.divisionCode ?? "")")]
        }
    }
}
