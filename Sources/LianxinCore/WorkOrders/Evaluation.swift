/// The requester's verdict (满意度).
public enum Satisfaction: String, Sendable, Hashable, Codable, CaseIterable {
    case satisfied
    case basicallySatisfied
    case dissatisfied

    /// The verdict's name for people, in Chinese or English.
    public func title(english: Bool) -> String {
        switch self {
        case .satisfied: english ? "Satisfied" : "满意"
        case .basicallySatisfied: english ? "Basically satisfied" : "基本满意"
        case .dissatisfied: english ? "Dissatisfied" : "不满意"
        }
    }
}

/// What the requester said at the revisit (回访评价).
public struct Evaluation: Sendable, Hashable, Codable {
    public let satisfaction: Satisfaction
    /// Whether the requester considers the matter solved (是否解决).
    public let solved: Bool
    public let comment: String?

    public init(satisfaction: Satisfaction, solved: Bool, comment: String? = nil) {
        self.satisfaction = satisfaction
        self.solved = solved
        self.comment = comment
    }

    /// Whether the order must be redone: dissatisfied, or not solved.
    public var requiresReopen: Bool {
        satisfaction == .dissatisfied || !solved
    }
}
