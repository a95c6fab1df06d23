/// The state of a grid change the machine needs: its status and which "上" (round) it is in.
public struct GridChangeState: Sendable, Hashable {
    public var status: GridChangeStatus
    public var round: Int

    public init(status: GridChangeStatus, round: Int) {
        self.status = status
        self.round = round
    }
}

/// The grid-change lifecycle (三上三下) as pure functions: a step, the change's state and who acts go
/// in; the next state comes out, or a `GridChangeRefusal` saying why not.
///
/// propose → submitted (round 1); a department review `return` or a county return → returned;
/// resubmit → submitted (round + 1, at most `maximumRounds`); county approve → approved;
/// on the effective day → effective, or failed when the grids no longer fit.
public enum GridChangeMachine {
    /// Rounds of "up and down" allowed before the proposal must be withdrawn and restarted.
    public static let maximumRounds = 3

    /// Checks who acts and the status for a step of `kind`, before the step's own data is known.
    public static func check(
        _ kind: GridChangeStepKind, in state: GridChangeState?,
        by actor: GridChangeActor
    ) throws(GridChangeRefusal) {
        let rule = GridChangeGuard.of(kind)
        guard rule.permits(actor) else { throw .notPermitted(kind) }
        guard let state else { return }
        guard rule.statuses.contains(state.status) else {
            switch kind {
            case .resubmit: throw .notReturned(state.status)
            case .review, .countyDecision: throw .notUnderReview(state.status)
            case .apply, .propose: throw .notApproved(state.status)
            }
        }
        if kind == .resubmit, state.round >= maximumRounds { throw .roundsUsedUp }
    }

    /// The state a new proposal starts in.
    public static func propose(by actor: GridChangeActor) throws(GridChangeRefusal) -> GridChangeState {
        try check(.propose, in: nil, by: actor)
        return GridChangeState(status: .submitted, round: 1)
    }

    /// Applies `step` to the change in `state`.
    public static func apply(
        _ step: GridChangeStep, to state: GridChangeState,
        by actor: GridChangeActor
    ) throws(GridChangeRefusal) -> GridChangeState {
        if case .propose = step { return try propose(by: actor) }
        try check(step.kind, in: state, by: actor)
        var next = state
        switch step {
        case .propose:
            break
        case .resubmit:
            next.status = .submitted
            next.round += 1
        case .review(let decision):
            if decision == .return { next.status = .returned }
        case .countyApprove(let approvals):
            guard approvals > 0 else { throw .noDepartmentApproval }
            next.status = .approved
        case .countyReturn:
            next.status = .returned
        case .apply(let succeeded):
            next.status = succeeded ? .effective : .failed
        }
        return next
    }
}
