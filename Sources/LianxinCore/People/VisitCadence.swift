/// How often a household must be visited.
public enum VisitCadence: Sendable, Hashable {
    /// Every day.
    case daily
    /// Every 7 days.
    case weekly
    /// Every calendar month (same day next month, or its last day).
    case monthly
    /// Every n days.
    case everyDays(Int)
    /// After each change to the household (a check-in, a move, a new tag): due by the next day.
    case onChange

    /// The text form stored in rule tables: `daily`, `weekly`, `monthly`, `every:N`, `onChange`.
    public var text: String {
        switch self {
        case .daily: "daily"
        case .weekly: "weekly"
        case .monthly: "monthly"
        case .everyDays(let days): "every:\(days)"
        case .onChange: "onChange"
        }
    }

    /// Reads the text form; nil for anything else (including `every:0`).
    public init?(text: String) {
        switch text {
        case "daily": self = .daily
        case "weekly": self = .weekly
        case "monthly": self = .monthly
        case "onChange": self = .onChange
        default:
            guard text.hasPrefix("every:"), let days = Int(text.dropFirst(6)), days > 0 else { return nil }
            self = .everyDays(days)
        }
    }
}
