/// A classifier's answer for one text: the best label, its confidence and the runners-up.
public struct ClassificationPrediction: Sendable, Hashable, Codable {
    /// One label with its confidence.
    public struct Candidate: Sendable, Hashable, Codable {
        /// The category label.
        public var label: String
        /// Softmax confidence in `0...1`; all labels together sum to 1.
        public var confidence: Double
    }

    /// The most likely label.
    public var label: String { ranking[0].label }
    /// The confidence of the most likely label.
    public var confidence: Double { ranking[0].confidence }
    /// The top labels, most likely first.
    public var ranking: [Candidate]
}
