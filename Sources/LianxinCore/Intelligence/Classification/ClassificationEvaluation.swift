/// Accuracy, macro-F1, per-label metrics and the confusion matrix of a set of predictions.
public struct ClassificationEvaluation: Sendable, Hashable, Codable {
    /// The labels, in the order of the confusion matrix's rows and columns.
    public var labels: [String]
    /// `confusion[truth][predicted]` counts examples.
    public var confusion: [[Int]]
    /// Share of examples predicted right.
    public var accuracy: Double
    /// Unweighted mean of the per-label F1 scores.
    public var macroF1: Double
    /// Metrics of each label, in label order.
    public var perClass: [ClassMetrics]
    /// Macro-F1 of each fold when the evaluation came from cross-validation.
    public var foldMacroF1: [Double]

    /// Scores `predicted` against `truth` (both label indices into `labels`).
    public init(labels: [String], truth: [Int], predicted: [Int], foldMacroF1: [Double] = []) {
        precondition(truth.count == predicted.count)
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        for (actual, guess) in zip(truth, predicted) { confusion[actual][guess] += 1 }
        let perClass = labels.indices.map { label in
            let hits = confusion[label][label]
            let support = confusion[label].reduce(0, +)
            let predictedCount = confusion.reduce(0) { $0 + $1[label] }
            let precision = predictedCount == 0 ? 0 : Double(hits) / Double(predictedCount)
            let recall = support == 0 ? 0 : Double(hits) / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return ClassMetrics(label: labels[label], precision: precision, recall: recall, f1: f1, support: support)
        }
        let hits = labels.indices.reduce(0) { $0 + confusion[$1][$1] }
        self.labels = labels
        self.confusion = confusion
        self.accuracy = truth.isEmpty ? 0 : Double(hits) / Double(truth.count)
        self.macroF1 = perClass.isEmpty ? 0 : perClass.reduce(0) { $0 + $1.f1 } / Double(perClass.count)
        self.perClass = perClass
        self.foldMacroF1 = foldMacroF1
    }
}
