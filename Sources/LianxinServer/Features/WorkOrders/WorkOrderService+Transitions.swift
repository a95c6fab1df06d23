import Vapor
import Fluent
import SQLKit
import LianxinCore

extension WorkOrderService {
    /// Applies `action` to the order, appending its event and moving its clocks, or throws the
    /// reason it is not allowed (403 permission, 409 state, 422 data). Every object the action
    /// names (the unit, the parent order, the assignee, the photos) is checked first. Concurrent changes to the
    /// same order are detected by its version; the loser gets a 409 and may retry.
    ///
    /// A step done on a phone without signal passes `doneAt`: it counts from then (`OfflineTiming`), and `alongside`
    /// writes its outbox record in the same transaction, so it is recorded exactly once.
    func apply(
        _ action: WorkOrderAction, to row: WorkOrder, by acting: Acting, doneAt: Date? = nil,
        alongside: (@Sendable (any Database, WorkOrderEvent) async throws -> Void)? = nil
    ) async throws -> WorkOrder {
        var action = action
        if case .answerDirectly(let answer, let entryID, _) = action {
            // The machine decides on the order's own request kind, whatever the caller said.
            action = .answerDirectly(answer: answer, knowledgeEntryID: entryID, requestKind: RequestKind(rawValue: row.requestKind) ?? .assistance)
        }
        if case .returnOrder(let detail, let code?) = action { action = try await Self.returnWithReason(code, detail: detail, on: database) }
        // The appeal's kind heads its note, as the dispatcher and the centre read it in the timeline.
        if case .appealAssessment(let kind, let reason, let photos) = action, !reason.isEmpty {
            action = .appealAssessment(kind: kind, reason: "\(kind.title(english: false))：\(reason)", photoIDs: photos)
        }
        // Joining an order of the same requester in the same category is a repeat request (重复诉求), counted as such.
        if case .merge(let parentID, false) = action, let index = row.requesterPhoneIndex,
            let parent = try await WorkOrder.find(parentID, on: database), parent.requesterPhoneIndex == index,
            parent.categoryCode == row.categoryCode
        {
            action = .merge(parentID: parentID, repeatedRequest: true)
        }
        let now = context.now()
        let state = try Self.decodeState(row)
        if case .supervise(let deadline?, _) = action {
            var checks = InputValidator(context.localizer)
            checks.time("/deadline") { () throws(TimeRule.Refusal) in try TimeRule.checkDeadline(deadline, now: now) }
            try checks.finish()
        }
        let calendar = try await ReferenceData.calendar(context.referenceCache, on: database)
        let policy = try await ReferenceData.policy(row.slaPolicyCode, context.referenceCache, on: database)
        try await checkReferences(of: action, order: row, by: acting)
        let actor = acting.actor
        var at = now
        if let doneAt {
            do { at = try OfflineTiming.effectiveTime(doneAt: doneAt, receivedAt: now, lastStepAt: state.updatedAt) } catch {
                throw Problem.invalid(field: "/doneAt", "\(error.message(english: true)) / \(error.message(english: false))")
            }
        }
        let stepAt = at
        // A completion waits for an on-site check (核查) where the order's category requires one.
        var rules = WorkOrderRules.standard
        if action.kind == .complete {
            rules.requiresVerification = try await Category.find(row.categoryCode, on: database)?.requiresVerification == true
        }
        let chosen = rules
        let transition = try Self.step { () throws(TransitionError) in
            try WorkOrderMachine.apply(action, to: state, by: actor, at: stepAt, rules: chosen)
        }
        var clocks = try Self.decodeClocks(row)
        clocks.apply(transition.event, policy: policy)
        let expectedVersion = row.version
        let newClocks = clocks
        try row.project(transition.state, clocks: clocks, calendar: calendar, now: now)
        try await context.writes.run {
            try await database.transaction { db in
                let updated = try await WorkOrderQueries.saveIfUnchanged(row, expectedVersion: expectedVersion, on: db)
                guard updated else {
                    throw Problem.conflict("The order was changed by someone else; reload and try again / 工单已被他人更新，请刷新后重试")
                }
                try await Self.append(transition.event, on: db, order: row)
                try await RollupStore.record(transition.event, order: row, calendar: calendar, context: context, on: db)
                try await Self.syncAlerts(orderID: try row.requireID(), clocks: newClocks, calendar: calendar, now: now, on: db)
                try await AssistProjection.sync(
                    orderID: try row.requireID(), state: transition.state, policy: policy, calendar: calendar, now: now, on: db)
                try await Notifications.after(transition.event, order: row, on: db, now: now)
                try await NotificationOutbox.after(transition.event, order: row, context: context, on: db, now: now)
                try await alongside?(db, transition.event)
                if let entryID = transition.event.payload.knowledgeEntryID {
                    try await KnowledgeUsage.recordAnswer(entryID, on: db)
                }
                if transition.event.kind == .closed || transition.event.kind == .answeredDirectly {
                    try await closeChildren(of: transition.event, parentID: try row.requireID(), calendar: calendar, on: db, now: now)
                }
            }
        }
        context.metrics.increment("lianxin_work_order_transitions_total", labels: [("kind", transition.event.kind.rawValue)])
        return row
    }

    /// Closing a parent closes its merged children and tells their requesters.
    func closeChildren(of event: WorkOrderEvent, parentID: UUID, calendar: WorkCalendar, on db: any Database, now: Date) async throws {
        let children = try await WorkOrder.query(on: db).filter(\.$parentID == parentID).all()
        let states = try children.map(Self.decodeState)
        for follow in WorkOrderMachine.followUps(of: event, children: states) {
            guard let child = children.first(where: { $0.id == follow.state.id }) else { continue }
            var clocks = try Self.decodeClocks(child)
            clocks.apply(follow.event, policy: try await ReferenceData.policy(child.slaPolicyCode, context.referenceCache, on: db))
            let version = child.version
            try child.project(follow.state, clocks: clocks, calendar: calendar, now: now)
            guard try await WorkOrderQueries.saveIfUnchanged(child, expectedVersion: version, on: db) else {
                throw Problem.conflict("A merged order changed meanwhile; try again / 并单子工单已变化，请重试")
            }
            try await Self.append(follow.event, on: db, order: child)
            try await RollupStore.record(follow.event, order: child, calendar: calendar, context: context, on: db)
            try await Self.syncAlerts(orderID: try child.requireID(), clocks: clocks, calendar: calendar, now: now, on: db)
        }
    }

    /// Runs a machine step, turning its typed error into the HTTP answer.
    static func step(_ body: () throws(TransitionError) -> Transition) throws -> Transition {
        do { return try body() } catch {
            let detail = "\(error.message(english: false)) / \(error.message(english: true))"
            switch error.category {
            case .permission: throw Problem(.forbidden, type: "transition-not-permitted", title: "Forbidden", detail: detail)
            case .conflict: throw Problem(.conflict, type: "illegal-transition", title: "Conflict", detail: detail)
            case .invalidInput:
                throw Problem(
                    .unprocessableEntity, type: "validation", title: "Invalid input", detail: detail,
                    errors: [.init(field: error == .invalidAssist ? "/assistDepartmentIds" : "/action", message: detail)])
            }
        }
    }
}

extension WorkOrderService {
    /// A return naming one of the county's return reasons: the reason must be one in use, its name heads the note
    /// the dispatcher and the timeline show, and the unit's explanation follows (required where the reason needs one).
    static func returnWithReason(_ code: String, detail: String, on db: any Database) async throws -> WorkOrderAction {
        guard let id = UUID(uuidString: code), let reason = try await ReturnReason.find(id, on: db), reason.active else {
            throw Problem.invalid(field: "/returnReasonId", "choose a return reason from the list / 请从列表中选择退单原因")
        }
        if detail.isEmpty && reason.needsNote {
            throw Problem.invalid(field: "/reason", "explain why the order is returned / 请说明退单的具体情况")
        }
        return .returnOrder(reason: detail.isEmpty ? reason.name : "\(reason.name)：\(detail)", reasonCode: code)
    }
}
