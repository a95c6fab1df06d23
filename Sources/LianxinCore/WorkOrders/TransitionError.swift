/// Why the machine refused an action; the API answers 403, 409 or 422 by `category`, with `message`.
public enum TransitionError: Error, Sendable, Hashable {
    /// This kind of actor may never take this action.
    case notPermitted(action: WorkOrderActionKind, actor: WorkOrderActor.Kind)
    /// A unit member acting on an order assigned to another unit.
    case notAssignedUnit(action: WorkOrderActionKind)
    /// The action does not apply in the order's status.
    case notAllowedInStatus(action: WorkOrderActionKind, status: WorkOrderStatus)
    /// The order waits on the requester; resume it first.
    case pausedForRequester(action: WorkOrderActionKind)
    /// Resume asked of an order that is not paused.
    case notPaused
    /// The action needs a reason or a note.
    case reasonRequired(action: WorkOrderActionKind)
    /// The check-in position is not a WGS84 longitude and latitude.
    case invalidLocation
    /// An extension must be a positive amount of time.
    case invalidExtension(TimeLimit)
    /// An extension request is already waiting for an answer.
    case extensionPending
    /// There is no extension request to answer.
    case noPendingExtension
    /// The result must pass review before the revisit or closing.
    case reviewRequired
    /// The resident's time to reopen the order has run out.
    case reopenWindowClosed
    /// Redispatching to the unit that already has the order.
    case sameDepartment
    /// An order cannot be merged under itself.
    case mergeIntoItself
    /// A supervision deadline must lie in the future.
    case invalidDeadline
    /// The order is already at the highest level escalation may reach.
    case highestLevelReached(DivisionLevel)
    /// Only a consultation (咨询) may be answered and closed on the call.
    case notAnInquiry(RequestKind)
    /// There is no unit's return waiting for a decision.
    case noPendingReturn
    /// An assessment appeal already waits, or the order is already left out of the assessment.
    case appealNotPossible
    /// There is no assessment appeal waiting for a decision.
    case noPendingAppeal
    /// The on-site check (核查) was asked of the person who handled the order.
    case checkerIsHandler
    /// An on-site check needs the position where it was made.
    case verificationNeedsPosition
    /// An on-site check needs at least one photo taken there.
    case verificationNeedsPhoto
    /// Assisting units (协办) have not all reported, and the dispatcher has not decided to go on without them.
    case assistsOutstanding
    /// The actor's unit has no part in this order in a state the action applies to.
    case noAssistPart(action: WorkOrderActionKind)
    /// An assisting unit must be another unit than the lead, named once.
    case invalidAssist

    /// How the refusal maps to an HTTP answer.
    public enum Category: String, Sendable, Hashable {
        /// Who asked may not do this (403).
        case permission
        /// Not possible in the order's current state (409).
        case conflict
        /// The request's data is incomplete or wrong (422).
        case invalidInput
    }

    /// Whether the refusal is about who asked, the order's state or the request's data.
    public var category: Category {
        switch self {
        case .notPermitted, .notAssignedUnit, .reopenWindowClosed, .checkerIsHandler:
            .permission
        case .notAllowedInStatus, .pausedForRequester, .notPaused, .extensionPending, .noPendingExtension,
            .reviewRequired, .sameDepartment, .highestLevelReached, .noPendingReturn,
            .appealNotPossible, .noPendingAppeal, .assistsOutstanding, .noAssistPart:
            .conflict
        case .reasonRequired, .invalidLocation, .invalidExtension, .mergeIntoItself, .invalidDeadline, .notAnInquiry,
            .verificationNeedsPosition, .verificationNeedsPhoto, .invalidAssist:
            .invalidInput
        }
    }

    /// A stable machine-readable code, e.g. `not_allowed_in_status`.
    public var code: String {
        switch self {
        case .notPermitted: "not_permitted"
        case .notAssignedUnit: "not_assigned_unit"
        case .notAllowedInStatus: "not_allowed_in_status"
        case .pausedForRequester: "paused_for_requester"
        case .notPaused: "not_paused"
        case .reasonRequired: "reason_required"
        case .invalidLocation: "invalid_location"
        case .invalidExtension: "invalid_extension"
        case .extensionPending: "extension_pending"
        case .noPendingExtension: "no_pending_extension"
        case .reviewRequired: "review_required"
        case .reopenWindowClosed: "reopen_window_closed"
        case .sameDepartment: "same_department"
        case .mergeIntoItself: "merge_into_itself"
        case .invalidDeadline: "invalid_deadline"
        case .highestLevelReached: "highest_level_reached"
        case .notAnInquiry: "not_an_inquiry"
        case .noPendingReturn: "no_pending_return"
        case .appealNotPossible: "appeal_not_possible"
        case .noPendingAppeal: "no_pending_appeal"
        case .checkerIsHandler: "checker_is_handler"
        case .verificationNeedsPosition: "verification_needs_position"
        case .verificationNeedsPhoto: "verification_needs_photo"
        case .assistsOutstanding: "assists_outstanding"
        case .noAssistPart: "no_assist_part"
        case .invalidAssist: "invalid_assist"
        }
    }
}
