/// How a fractional number of points becomes whole.
public enum PointsRounding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Fractions are dropped (不足1分不计).
    case down
    /// Halves and more round up.
    case nearest
    /// Any fraction rounds up.
    case up

    /// `numerator / denominator` (both non-negative, denominator positive) made whole by this rule.
    func apply(_ numerator: Int, over denominator: Int) -> Int {
        switch self {
        case .down: numerator / denominator
        case .nearest: (2 * numerator + denominator) / (2 * denominator)
        case .up: (numerator + denominator - 1) / denominator
        }
    }
}
