/// A wish's lifecycle: each step applies in exactly one status, so a wish is claimed once, fulfilled once and
/// confirmed once.
public enum WishMachine {
    /// Something done to a wish.
    public enum Step: String, Sendable, Hashable, CaseIterable {
        case claim, fulfil, confirm, withdraw

        /// The status the step starts from.
        public var from: WishStatus {
            switch self {
            case .claim, .withdraw: .posted
            case .fulfil: .claimed
            case .confirm: .fulfilled
            }
        }

        /// The status the step leads to.
        public var to: WishStatus {
            switch self {
            case .claim: .claimed
            case .fulfil: .fulfilled
            case .confirm: .confirmed
            case .withdraw: .withdrawn
            }
        }
    }

    /// Why a step was refused.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        case alreadyClaimed
        case notAllowedInStatus(step: Step, status: WishStatus)

        public var description: String {
            switch self {
            case .alreadyClaimed: "the wish has already been claimed / 该心愿已被认领"
            case .notAllowedInStatus(let step, let status):
                "cannot \(step.rawValue) a wish that is \(status.rawValue) / 当前状态（\(status.title(.zhCN))）不能执行此操作"
            }
        }
    }

    /// The status after `step`, or why not.
    public static func apply(_ step: Step, to status: WishStatus) throws(Refusal) -> WishStatus {
        guard status == step.from else {
            if step == .claim && status != .withdrawn { throw .alreadyClaimed }
            throw .notAllowedInStatus(step: step, status: status)
        }
        return step.to
    }
}
