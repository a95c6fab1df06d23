/// Why earn rules were refused.
public enum EarnRulesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A rate is negative; points are spent by exchange, never by earning.
    case negativeRate(name: String, value: Int)

    public var description: String {
        switch self {
        case .negativeRate(let name, let value): "\(name) must not be negative, not \(value)"
        }
    }
}
