/// What an indicator's figure measures.
public enum IndicatorUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// A share from 0 to 1, shown as a percentage.
    case share
    /// A number of orders or tasks.
    case count
    /// A duration in minutes.
    case minutes
    /// A score from 0 to 100.
    case points
}
