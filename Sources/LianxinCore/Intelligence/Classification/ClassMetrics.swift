/// Precision, recall and F1 of one label.
public struct ClassMetrics: Sendable, Hashable, Codable {
    /// The label.
    public var label: String
    /// Share of predictions of this label that were right.
    public var precision: Double
    /// Share of examples of this label that were found.
    public var recall: Double
    /// Harmonic mean of precision and recall.
    public var f1: Double
    /// How many examples carry this label.
    public var support: Int
}
