import Foundation

/// A trained text classifier: character n-gram TF-IDF features and one linear SVM per label.
public struct ClassifierModel: Sendable {
    /// The file format this build writes and reads.
    public static let currentFormatVersion = 1

    /// The format version the model was written in.
    public let formatVersion: Int
    /// When the model was trained.
    public let createdAt: Date
    /// The labels, in the order of the weight columns.
    public let labels: [String]
    /// The hyper-parameters the model was trained with.
    public let hyperParameters: ClassifierHyperParameters
    /// How many examples the model was trained on.
    public let trainingExampleCount: Int
    let vectorizer: TFIDFVectorizer
    /// Feature-major weights: `weights[feature * labels.count + label]`.
    let weights: [Float]
    let biases: [Float]

    init(
        createdAt: Date, labels: [String], hyperParameters: ClassifierHyperParameters,
        trainingExampleCount: Int, vectorizer: TFIDFVectorizer, weights: [Float], biases: [Float]
    ) {
        formatVersion = Self.currentFormatVersion
        self.createdAt = createdAt
        self.labels = labels
        self.hyperParameters = hyperParameters
        self.trainingExampleCount = trainingExampleCount
        self.vectorizer = vectorizer
        self.weights = weights
        self.biases = biases
    }

    /// The number of n-gram features the model knows.
    public var featureCount: Int { vectorizer.vocabulary.count }

    /// Classifies `text`, returning the `topK` most likely labels with softmax confidences.
    public func predict(_ text: String, topK: Int = 3) -> ClassificationPrediction {
        let margins = margins(for: text)
        let scale = hyperParameters.confidenceScale
        let largest = margins.max() ?? 0
        let exponentials = margins.map { exp(scale * Double($0 - largest)) }
        let total = exponentials.reduce(0, +)
        let ranked = labels.indices.sorted { margins[$0] > margins[$1] || (margins[$0] == margins[$1] && $0 < $1) }
        return ClassificationPrediction(ranking: ranked.prefix(max(1, topK)).map {
            ClassificationPrediction.Candidate(label: labels[$0], confidence: exponentials[$0] / total)
        })
    }

    /// Returns the index of the best label for an already vectorised text.
    func bestLabelIndex(for vector: SparseVector) -> Int {
        let margins = margins(for: vector)
        var best = 0
        for label in margins.indices where margins[label] > margins[best] { best = label }
        return best
    }

    /// The SVM margin of every label for raw text, in one pass over its sorted feature indices:
    /// margins are linear, so the L2 normalisation is applied once at the end.
    func margins(for text: String) -> [Float] {
        let known = vectorizer.knownIndices(of: text)
        let classCount = labels.count
        var sums = [Float](repeating: 0, count: classCount)
        var squaredNorm: Float = 0
        known.withUnsafeBufferPointer { known in
            weights.withUnsafeBufferPointer { weights in
                vectorizer.idf.withUnsafeBufferPointer { idf in
                    sums.withUnsafeMutableBufferPointer { sums in
                        var start = 0
                        while start < known.count {
                            let index = known[start]
                            var end = start + 1
                            while end < known.count, known[end] == index { end += 1 }
                            let value = vectorizer.termWeight(Float(end - start)) * idf[Int(index)]
                            squaredNorm += value * value
                            let base = Int(index) * classCount
                            for label in 0..<classCount { sums[label] += value * weights[base + label] }
                            start = end
                        }
                    }
                }
            }
        }
        let scale = squaredNorm > 0 ? 1 / squaredNorm.squareRoot() : 0
        return (0..<classCount).map { biases[$0] + scale * sums[$0] }
    }

    /// The SVM margin of every label.
    func margins(for vector: SparseVector) -> [Float] {
        let classCount = labels.count
        var margins = biases
        weights.withUnsafeBufferPointer { weights in
            margins.withUnsafeMutableBufferPointer { margins in
                for (index, value) in zip(vector.indices, vector.values) {
                    let base = Int(index) * classCount
                    for label in 0..<classCount { margins[label] += value * weights[base + label] }
                }
            }
        }
        return margins
    }
}
