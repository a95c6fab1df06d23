/// Which actions a page offers: the same guard table `apply` checks, so a button is shown exactly
/// when pressing it can pass the who/status/unit/pause checks (the action's own data is checked on submit).
extension WorkOrderMachine {
    /// The actions `actor` may take on the order in `state` now, in the order of the lifecycle. When the requester
    /// can be called back (`revisitPossible`: they left a phone), 回访 comes before 结案: closing is offered only
    /// once the order is evaluated; without a way to call back, a completed order may be closed with a note.
    public static func offeredActions(
        in state: WorkOrderState, to actor: WorkOrderActor, revisitPossible: Bool = true
    ) -> [WorkOrderActionKind] {
        WorkOrderActionKind.allCases.filter { kind in
            guard kind != .create else { return false }
            let rule = WorkOrderActionGuard.of(kind)
            guard rule.permits(actor.kind), rule.statuses.contains(state.status) else { return false }
            if AssistPartGuard.ownKinds.contains(kind) {
                guard let part = state.assist(of: actor.departmentID) else { return false }
                return AssistPartGuard.statuses(for: kind).contains(part.status) && !state.isPaused
            }
            if kind != .verify, let role = actor.role, WorkOrderActionGuard.unitRoles.contains(role),
                actor.departmentID == nil || actor.departmentID != state.departmentID
            {
                return false
            }
            if state.isPaused && !rule.allowedWhilePaused { return false }
            if state.isReturnPending, let role = actor.role, WorkOrderActionGuard.unitRoles.contains(role) { return false }
            switch kind {
            case .approveExtension, .refuseExtension: return state.pendingExtension != nil
            case .requestExtension: return state.pendingExtension == nil
            case .approveReturn, .refuseReturn: return state.isReturnPending
            case .appealAssessment: return state.pendingAppeal == nil && state.exemptedFromAssessment == nil
            case .decideAppeal: return state.pendingAppeal != nil
            case .complete: return !state.hasOpenAssists
            case .decideAssistRelease: return state.assists.contains { $0.status == .releaseRequested }
            case .waiveAssist: return state.hasOpenAssists
            // The person who handled the order never checks it.
            case .verify: return actor.id == nil || (actor.id != state.assigneeID && actor.id != state.completedBy)
            case .pauseForRequester: return !state.isPaused
            case .close: return state.status == .evaluated || !revisitPossible
            case .resume: return state.isPaused
            // A resident may withdraw a request only until it is dispatched.
            case .cancel: return actor.kind != .resident || [.submitted, .received].contains(state.status)
            default: return true
            }
        }
    }
}
