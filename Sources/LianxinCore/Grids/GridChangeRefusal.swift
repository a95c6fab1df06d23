/// Why a grid-change step was refused. `message` is the text the API answers with.
public enum GridChangeRefusal: Error, Sendable, Hashable {
    /// The actor may not take this step at all.
    case notPermitted(GridChangeStepKind)
    /// Only a returned change can be sent up again.
    case notReturned(GridChangeStatus)
    /// The three rounds of 三上三下 are used up.
    case roundsUsedUp
    /// Reviews and county decisions need a change under review.
    case notUnderReview(GridChangeStatus)
    /// The county approves only after a department approved the current round.
    case noDepartmentApproval
    /// Only an approved change is applied on its day.
    case notApproved(GridChangeStatus)

    /// The reason for people, English and Chinese together as the API has always answered.
    public var message: String {
        switch self {
        case .notPermitted(let kind): "not permitted to \(kind.rawValue) grid changes / 无权执行该操作"
        case .notReturned: "only a returned change can be resubmitted / 仅退回的方案可重新报送"
        case .roundsUsedUp: "three rounds are used up; withdraw and start a new proposal / 已满三轮，请撤回后重新提出方案"
        case .notUnderReview(let status): "the change is \(status.rawValue), not under review / 方案不在审核中"
        case .noDepartmentApproval: "no department has approved this round yet / 尚无部门审核通过"
        case .notApproved(let status): "the change is \(status.rawValue), not approved / 方案未获批准"
        }
    }
}
