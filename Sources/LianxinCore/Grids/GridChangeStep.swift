/// A step of the grid-change lifecycle, with what the step itself decides.
public enum GridChangeStep: Sendable, Hashable {
    /// A township proposes a change (round 1).
    case propose
    /// The proposer sends a returned change up again (the next round).
    case resubmit
    /// A department's word in the current round; only `.return` sends the change back.
    case review(GridChangeReviewDecision)
    /// The county approves; `departmentApprovals` counts the departments that approved this round.
    case countyApprove(departmentApprovals: Int)
    /// The county returns the change to the township.
    case countyReturn
    /// The effective day came: `succeeded` says whether the grids could be versioned in.
    case apply(succeeded: Bool)

    /// The step without its data, for the guard table.
    public var kind: GridChangeStepKind {
        switch self {
        case .propose: .propose
        case .resubmit: .resubmit
        case .review: .review
        case .countyApprove, .countyReturn: .countyDecision
        case .apply: .apply
        }
    }
}

/// The kinds of grid-change steps, each with one row in `GridChangeGuard`.
public enum GridChangeStepKind: String, Sendable, Hashable, CaseIterable {
    case propose, resubmit, review, countyDecision, apply
}

/// A department's decision on a change in review. Raw values are those stored in `grid_change_reviews.decision`.
public enum GridChangeReviewDecision: String, Sendable, Hashable, CaseIterable {
    case approve, `return`, comment
}
