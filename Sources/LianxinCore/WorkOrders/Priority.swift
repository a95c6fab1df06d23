/// How urgent an order is (紧急程度); a reopened order is raised one step.
public enum Priority: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case normal
    case urgent
    case veryUrgent

    /// One step higher, staying at `veryUrgent` once there.
    public func raised() -> Priority {
        switch self {
        case .normal: .urgent
        case .urgent, .veryUrgent: .veryUrgent
        }
    }

    /// The priority's name for people, in Chinese or English.
    public func title(english: Bool) -> String {
        switch self {
        case .normal: english ? "Normal" : "一般"
        case .urgent: english ? "Urgent" : "紧急"
        case .veryUrgent: english ? "Very urgent" : "特急"
        }
    }

    private var rank: Int {
        switch self {
        case .normal: 0
        case .urgent: 1
        case .veryUrgent: 2
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}
