/// Where a work order stands in its life (工单状态).
public enum WorkOrderStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Submitted by a resident, a grid member or an integration; waiting for an operator (待受理).
    case submitted
    /// Accepted and recorded; waiting for dispatch (已受理/待派单).
    case received
    /// Sent to a unit; waiting for it to sign (已派单/待签收).
    case dispatched
    /// Sent back by the unit with a reason; waiting for the dispatcher to redispatch (已退单/待改派).
    case returned
    /// Acknowledged by the unit (已签收).
    case signed
    /// Someone from the unit is on site (已到场).
    case arrived
    /// Being handled (办理中).
    case inProgress
    /// The unit reported the result; waiting for review or revisit (已办结).
    case completed
    /// The unit reported the result and the order's category requires an on-site check (核查) by someone other
    /// than the handler before the revisit and closing (待核查).
    case verifying
    /// The result passed review; waiting for revisit (已审核).
    case reviewed
    /// The requester was satisfied and the matter solved; waiting to be closed (已回访).
    case evaluated
    /// Sent back to the same unit after dissatisfaction or a request to reopen (重办).
    case reopened
    /// Cannot be solved now (budget, planning); tracked apart and not counted overdue (挂账).
    case shelved
    /// Finished and archived (已结案).
    case closed
    /// Invalid: a prank, a duplicate entry, withdrawn (已作废).
    case cancelled
    /// A duplicate linked under a parent order, closed with it (已并单).
    case merged

    /// Whether nothing more can happen to the order.
    public var isFinal: Bool {
        self == .closed || self == .cancelled || self == .merged
    }

    /// Whether the order is live work: not final and not shelved.
    public var isOpen: Bool {
        !isFinal && self != .shelved
    }

    /// The status's name for people, in Chinese or English.
    public func title(english: Bool) -> String {
        switch self {
        case .submitted: english ? "Submitted" : "待受理"
        case .received: english ? "Received" : "待派单"
        case .dispatched: english ? "Dispatched" : "待签收"
        case .returned: english ? "Returned" : "已退单"
        case .signed: english ? "Signed" : "已签收"
        case .arrived: english ? "On site" : "已到场"
        case .inProgress: english ? "In progress" : "办理中"
        case .completed: english ? "Completed" : "已办结"
        case .verifying: english ? "Awaiting verification" : "待核查"
        case .reviewed: english ? "Reviewed" : "已审核"
        case .evaluated: english ? "Evaluated" : "已回访"
        case .reopened: english ? "Reopened" : "重办"
        case .shelved: english ? "Shelved" : "挂账"
        case .closed: english ? "Closed" : "已结案"
        case .cancelled: english ? "Cancelled" : "已作废"
        case .merged: english ? "Merged" : "已并单"
        }
    }
}
