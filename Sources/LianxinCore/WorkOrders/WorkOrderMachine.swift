import Foundation

/// The work-order lifecycle (接诉即办) as pure functions: an action, the order's state, who acts and when
/// go in; an event to append and the next state come out, or a `TransitionError` saying why not.
public enum WorkOrderMachine {
    /// Starts an order: the `created` event, in status `submitted`, waiting for an operator to accept it.
    public static func create(
        _ intake: WorkOrderIntake, by actor: WorkOrderActor, at time: Date
    ) throws(TransitionError) -> Transition {
        guard WorkOrderActionGuard.of(.create).permits(actor.kind) else {
            throw .notPermitted(action: .create, actor: actor.kind)
        }
        let event = WorkOrderEvent(
            orderID: intake.orderID, sequence: 1, kind: .created, from: nil, to: .submitted, actor: actor, at: time,
            note: nil,
            payload: WorkOrderEventPayload(
                tier: intake.tier, priority: intake.priority, handlingLevel: intake.handlingLevel))
        let state = WorkOrderState(
            created: event, tier: intake.tier, priority: intake.priority, handlingLevel: intake.handlingLevel)
        return Transition(event: event, state: state)
    }

    /// Applies `action` to the order in `state`, checking who acts, the status, the unit and the action's data.
    public static func apply(
        _ action: WorkOrderAction, to state: WorkOrderState, by actor: WorkOrderActor, at time: Date,
        rules: WorkOrderRules = .standard
    ) throws(TransitionError) -> Transition {
        let kind = action.kind
        let rule = WorkOrderActionGuard.of(kind)
        guard rule.permits(actor.kind) else { throw .notPermitted(action: kind, actor: actor.kind) }
        guard rule.statuses.contains(state.status) else { throw .notAllowedInStatus(action: kind, status: state.status) }
        if AssistPartGuard.ownKinds.contains(kind) {
            // An assisting unit acts on its own part only, never on the lead's.
            guard let part = state.assist(of: actor.departmentID), AssistPartGuard.statuses(for: kind).contains(part.status) else {
                throw .noAssistPart(action: kind)
            }
        } else if kind != .verify, let role = actor.role, WorkOrderActionGuard.unitRoles.contains(role),
            actor.departmentID == nil || actor.departmentID != state.departmentID
        {
            throw .notAssignedUnit(action: kind)
        }
        if state.isPaused && !rule.allowedWhilePaused { throw .pausedForRequester(action: kind) }
        // While its return waits for the dispatcher the unit can do nothing more with the order.
        if state.isReturnPending, let role = actor.role, WorkOrderActionGuard.unitRoles.contains(role),
            !AssistPartGuard.ownKinds.contains(kind)
        {
            throw .notAllowedInStatus(action: kind, status: state.status)
        }

        let step = WorkOrderStep(state: state, actor: actor, time: time)
        switch action {
        case .accept(let note):
            return step.record(.accepted, to: .received, note: note.trimmedNonEmpty)
        case .dispatch(let departmentID, let note, let assists):
            try checkAssists(assists, lead: departmentID, state: state)
            return step.record(
                .dispatched, to: .dispatched, note: note.trimmedNonEmpty,
                payload: .init(departmentID: departmentID, assistDepartmentIDs: assists.nilIfEmpty))
        case .redispatch(let departmentID, let reason):
            let reason = try required(reason, for: kind)
            guard departmentID != state.departmentID else { throw .sameDepartment }
            return step.record(.redispatched, to: .dispatched, note: reason, payload: .init(departmentID: departmentID))
        case .sign:
            return step.record(.signed, to: .signed, payload: .init(assigneeID: actor.id))
        case .assign(let assigneeID):
            return step.record(.assigned, payload: .init(assigneeID: assigneeID))
        case .returnOrder(let reason, let code):
            let reason = try required(reason, for: kind)
            return step.record(
                .returnRequested, to: .returned, note: reason,
                payload: .init(departmentID: state.departmentID, returnReasonCode: code.trimmedNonEmpty))
        case .approveReturn(let note):
            guard state.isReturnPending else { throw .noPendingReturn }
            return step.record(.returnApproved, to: .returned, note: note.trimmedNonEmpty)
        case .appealAssessment(let appeal, let reason, let photoIDs):
            guard state.pendingAppeal == nil, state.exemptedFromAssessment == nil else { throw .appealNotPossible }
            let reason = try required(reason, for: kind)
            return step.record(.appealFiled, note: reason, payload: .init(photoIDs: photoIDs.isEmpty ? nil : photoIDs, appealKind: appeal))
        case .decideAppeal(let approved, let note):
            guard let appeal = state.pendingAppeal else { throw .noPendingAppeal }
            let note = approved ? note.trimmedNonEmpty : try required(note ?? "", for: kind)
            return step.record(.appealDecided, note: note, payload: .init(approved: approved, appealKind: appeal))
        case .refuseReturn(let reason):
            guard let back = state.statusBeforeReturn, state.isReturnPending else { throw .noPendingReturn }
            let reason = try required(reason, for: kind)
            return step.record(.returnRefused, to: back, note: reason, payload: .init(departmentID: state.departmentID))
        case .arrive(let location):
            if let location, !location.isValidWGS84 { throw .invalidLocation }
            return step.record(.arrived, to: .arrived, payload: .init(location: location))
        case .startProgress:
            return step.record(.progressStarted, to: .inProgress)
        case .addProgressNote(let note, let photoIDs):
            let note = try required(note, for: kind)
            return step.record(.progressNoted, note: note, payload: .init(photoIDs: photoIDs.nilIfEmpty))
        case .requestExtension(let extra, let reason):
            let reason = try required(reason, for: kind)
            guard extra.amount > 0 else { throw .invalidExtension(extra) }
            guard state.pendingExtension == nil else { throw .extensionPending }
            return step.record(.extensionRequested, note: reason, payload: .init(extra: extra))
        case .approveExtension(let note):
            guard let pending = state.pendingExtension else { throw .noPendingExtension }
            return step.record(.extensionApproved, note: note.trimmedNonEmpty, payload: .init(extra: pending.extra))
        case .refuseExtension(let reason):
            guard let pending = state.pendingExtension else { throw .noPendingExtension }
            let reason = try required(reason, for: kind)
            return step.record(.extensionRefused, note: reason, payload: .init(extra: pending.extra))
        case .complete(let note, let photoIDs, let publicReply):
            guard !state.hasOpenAssists else { throw .assistsOutstanding }
            let note = try required(note, for: kind)
            return step.record(
                .completed, to: rules.requiresVerification ? .verifying : .completed, note: note,
                payload: .init(photoIDs: photoIDs.nilIfEmpty, publicReply: publicReply.trimmedNonEmpty))
        case .verify(let passed, let location, let photoIDs, let note):
            return try verification(passed: passed, location: location, photoIDs: photoIDs, note: note, step: step)
        case .review(let approved, let note):
            let note = approved ? note.trimmedNonEmpty : try required(note ?? "", for: kind)
            return step.record(
                .reviewed, to: approved ? .reviewed : .inProgress, note: note,
                payload: .init(approved: approved))
        case .revisit(let evaluation):
            if rules.requiresReview && state.status == .completed { throw .reviewRequired }
            let reopens = rules.revisitReopens && evaluation.requiresReopen
            return step.record(
                .evaluated, to: reopens ? .reopened : .evaluated, note: evaluation.comment.trimmedNonEmpty,
                payload: .init(priority: reopens ? state.priority.raised() : nil, evaluation: evaluation))
        case .reopen(let reason):
            let reason = try required(reason, for: kind)
            if actor.kind == .resident {
                let since = state.closedAt ?? state.evaluatedAt ?? state.updatedAt
                guard time.timeIntervalSince(since) <= rules.residentReopenWindow else { throw .reopenWindowClosed }
            }
            return step.record(.reopened, to: .reopened, note: reason, payload: .init(priority: state.priority.raised()))
        case .close(let note):
            var note = note.trimmedNonEmpty
            if state.status != .evaluated {
                if rules.requiresReview && state.status == .completed { throw .reviewRequired }
                note = try required(note ?? "", for: kind)
            }
            return step.record(.closed, to: .closed, note: note)
        case .merge(let parentID, let repeated):
            guard parentID != state.id else { throw .mergeIntoItself }
            return step.record(.merged, to: .merged, payload: .init(parentID: parentID, repeatedRequest: repeated ? true : nil))
        case .shelve(let reason):
            let reason = try required(reason, for: kind)
            return step.record(.shelved, to: .shelved, note: reason)
        case .unshelve(let note):
            return step.record(.unshelved, to: state.statusBeforeShelve ?? .received, note: note.trimmedNonEmpty)
        case .cancel(let reason):
            if actor.kind == .resident && ![.submitted, .received].contains(state.status) {
                throw .notAllowedInStatus(action: kind, status: state.status)
            }
            let reason = try required(reason, for: kind)
            return step.record(.cancelled, to: .cancelled, note: reason)
        case .pauseForRequester(let reason):
            let reason = try required(reason, for: kind)
            return step.record(.paused, note: reason)
        case .resume:
            guard state.isPaused else { throw .notPaused }
            return step.record(.resumed)
        case .addInformation(let note, let photoIDs):
            let note = try required(note, for: kind)
            let resumes = state.isPaused && state.status != .shelved
            return step.record(.informationAdded, note: note, payload: .init(photoIDs: photoIDs.nilIfEmpty, resumed: resumes ? true : nil))
        case .remind(let note):
            let note = try required(note, for: kind)
            return step.record(.reminded, note: note)
        case .supervise(let deadline, let note):
            let note = try required(note, for: kind)
            if let deadline, deadline <= time { throw .invalidDeadline }
            return step.record(
                .supervised, note: note,
                payload: .init(deadline: deadline, supervisionLevel: state.supervisionLevel + 1))
        case .answerDirectly(let answer, let entryID, let requestKind):
            try checkDirectAnswer(by: actor, requestKind: requestKind, answer: answer)
            let answer = try required(answer, for: kind)
            return step.record(
                .answeredDirectly, to: .closed, note: answer, payload: .init(publicReply: answer, knowledgeEntryID: entryID))
        case .addAssists, .signAssist, .reportAssist, .requestAssistRelease, .decideAssistRelease, .waiveAssist:
            return try joint(action, step: step)
        case .escalate(let reason):
            let reason = try required(reason, for: kind)
            guard let higher = state.handlingLevel.parent, higher >= rules.highestLevel else {
                throw .highestLevelReached(state.handlingLevel)
            }
            return step.record(.escalated, to: .received, note: reason, payload: .init(handlingLevel: higher))
        }
    }

    /// Whether `actor` may answer a request of `requestKind` on the call and close it (直接办结) with `answer`: the desk
    /// checks this before it files the call, so a refused direct answer leaves no order behind.
    public static func checkDirectAnswer(by actor: WorkOrderActor, requestKind: RequestKind, answer: String) throws(TransitionError) {
        guard WorkOrderActionGuard.of(.answerDirectly).permits(actor.kind) else {
            throw .notPermitted(action: .answerDirectly, actor: actor.kind)
        }
        guard requestKind == .inquiry else { throw .notAnInquiry(requestKind) }
        _ = try required(answer, for: .answerDirectly)
    }

    /// The text of a required reason or note, trimmed; refuses an empty one.
    static func required(_ text: String, for kind: WorkOrderActionKind) throws(TransitionError) -> String {
        guard let text = text.trimmedNonEmpty else { throw .reasonRequired(action: kind) }
        return text
    }
}

private extension Optional where Wrapped == String {
    /// The trimmed text, or nil when absent or blank.
    var trimmedNonEmpty: String? {
        flatMap(\.trimmedNonEmpty)
    }
}

private extension String {
    /// The text without surrounding white space, or nil when nothing is left.
    var trimmedNonEmpty: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

private extension Array {
    /// nil instead of an empty array, so events leave absent data out.
    var nilIfEmpty: [Element]? {
        isEmpty ? nil : self
    }
}

extension WorkOrderMachine {
    /// 核查: the checker must not be the person who handled the order (its assignee or whoever reported the result),
    /// must be on site (a valid position) and bring at least one photo; a failure needs a note and sends the order
    /// back to the unit, in progress, with its completion clock running again.
    static func verification(
        passed: Bool, location: GeoPoint?, photoIDs: [UUID], note: String?, step: WorkOrderStep
    ) throws(TransitionError) -> Transition {
        let state = step.state
        if let checker = step.actor.id, checker == state.assigneeID || checker == state.completedBy {
            throw .checkerIsHandler
        }
        guard let location else { throw .verificationNeedsPosition }
        guard location.isValidWGS84 else { throw .invalidLocation }
        guard !photoIDs.isEmpty else { throw .verificationNeedsPhoto }
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = trimmed?.isEmpty == false ? trimmed : nil
        let checked = passed ? text : try required(text ?? "", for: .verify)
        return step.record(
            .verified, to: passed ? .completed : .inProgress, note: checked,
            payload: .init(location: location, photoIDs: photoIDs, approved: passed))
    }
}

extension WorkOrderMachine {
    /// 主办/协办: the assisting units' own steps and the dispatcher's decisions about them.
    static func joint(_ action: WorkOrderAction, step: WorkOrderStep) throws(TransitionError) -> Transition {
        let state = step.state
        let kind = action.kind
        func part(_ departmentID: UUID?) throws(TransitionError) -> AssistPart {
            guard let part = state.assist(of: departmentID), AssistPartGuard.statuses(for: kind).contains(part.status) else {
                throw .noAssistPart(action: kind)
            }
            return part
        }
        switch action {
        case .addAssists(let ids, let note):
            guard !ids.isEmpty else { throw .invalidAssist }
            try checkAssists(ids, lead: state.departmentID, state: state)
            return step.record(.assistsAdded, note: note?.trimmedNonEmpty, payload: .init(assistDepartmentIDs: ids))
        case .signAssist:
            let own = try part(step.actor.departmentID)
            return step.record(.assistSigned, payload: .init(departmentID: own.departmentID, assigneeID: step.actor.id))
        case .reportAssist(let note, let photoIDs):
            let own = try part(step.actor.departmentID)
            let note = try required(note, for: kind)
            return step.record(.assistReported, note: note, payload: .init(departmentID: own.departmentID, photoIDs: photoIDs.nilIfEmpty))
        case .requestAssistRelease(let reason):
            let own = try part(step.actor.departmentID)
            let reason = try required(reason, for: kind)
            return step.record(.assistReleaseRequested, note: reason, payload: .init(departmentID: own.departmentID))
        case .decideAssistRelease(let departmentID, let approved, let note):
            let asked = try part(departmentID)
            let note = approved ? note?.trimmedNonEmpty : try required(note ?? "", for: kind)
            return step.record(.assistReleaseDecided, note: note, payload: .init(departmentID: asked.departmentID, approved: approved))
        case .waiveAssist(let departmentID, let reason):
            let open = try part(departmentID)
            let reason = try required(reason, for: kind)
            return step.record(.assistWaived, note: reason, payload: .init(departmentID: open.departmentID))
        default:
            throw .notPermitted(action: kind, actor: step.actor.kind)
        }
    }

    /// Assisting units must differ from the lead and from each other and not already hold an open part.
    static func checkAssists(_ ids: [UUID], lead: UUID?, state: WorkOrderState) throws(TransitionError) {
        guard Set(ids).count == ids.count, !ids.contains(where: { $0 == lead }),
            !ids.contains(where: { state.assist(of: $0)?.status.isOpen == true })
        else { throw .invalidAssist }
    }
}
