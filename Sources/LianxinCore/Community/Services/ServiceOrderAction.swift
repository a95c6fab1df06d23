import Foundation

/// Something done to a service order.
public enum ServiceOrderAction: Sendable, Hashable {
    /// 社区派单: the community hands the order to a volunteer or party member (again, if they declined).
    case assign(volunteerID: UUID)
    /// 接单: the assigned volunteer takes it.
    case take(volunteerID: UUID)
    /// The assigned volunteer cannot do it; the order goes back to the community, with the reason.
    case decline(volunteerID: UUID, reason: String)
    /// The service was delivered, with a note on what was done.
    case complete(note: String)
    /// The resident's verdict on a completed service.
    case evaluate(Evaluation)
    /// Withdrawn by the resident or the community before anyone took it, with the reason.
    case cancel(reason: String)

    /// The action's name, as recorded in the order's history.
    public var name: String {
        switch self {
        case .assign: "assign"
        case .take: "take"
        case .decline: "decline"
        case .complete: "complete"
        case .evaluate: "evaluate"
        case .cancel: "cancel"
        }
    }
}
