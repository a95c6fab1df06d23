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
    let vocabulary: FeatureVocabulary
    /// One row per feature, `labels.count + 1` floats: its IDF, then its weight for each label, so
    /// that scoring a feature touches one cache line.
    let rows: [Float]
    let biases: [Float]
    private let ngrams: CharacterNGrams

    init(
        createdAt: Date, labels: [String], hyperParameters: ClassifierHyperParameters, trainingExampleCount: Int,
        vocabulary: FeatureVocabulary, idf: [Float], weights: [Float], biases: [Float]
    ) {
        formatVersion = Self.currentFormatVersion
        self.createdAt = createdAt
        self.labels = labels
        self.hyperParameters = hyperParameters
        self.trainingExampleCount = trainingExampleCount
        self.vocabulary = vocabulary
        let stride = labels.count + 1
        var rows = [Float](repeating: 0, count: idf.count * stride)
        for feature in idf.indices {
            rows[feature * stride] = idf[feature]
            for label in labels.indices { rows[feature * stride + 1 + label] = weights[feature * labels.count + label] }
        }
        self.rows = rows
        self.biases = biases
        ngrams = hyperParameters.ngrams
    }

    /// The number of n-gram features the model knows.
    public var featureCount: Int { vocabulary.count }

    /// The IDF of each feature.
    var idf: [Float] {
        Swift.stride(from: 0, to: rows.count, by: labels.count + 1).map { rows[$0] }
    }

    /// Feature-major weights: `weights[feature * labels.count + label]`.
    var weights: [Float] {
        rows.indices.filter { $0 % (labels.count + 1) != 0 }.map { rows[$0] }
    }

    /// Classifies `text`, returning the `topK` most likely labels with softmax confidences.
    public func predict(_ text: String, topK: Int = 3) -> ClassificationPrediction {
        let margins = margins(for: text)
        let scale = hyperParameters.confidenceScale
        let largest = margins.max() ?? 0
        let exponentials = margins.map { exp(scale * Double($0 - largest)) }
        let total = exponentials.reduce(0, +)
        let ranked = labels.indices.sorted { margins[$0] > margins[$1] || (margins[$0] == margins[$1] && $0 < $1) }
        return ClassificationPrediction(
            ranking: ranked.prefix(max(1, topK)).map {
                ClassificationPrediction.Candidate(label: labels[$0], confidence: exponentials[$0] / total)
            })
    }

    /// The SVM margin of every label for `text`. Margins are linear, so the TF-IDF vector's L2
    /// normalisation is applied once at the end instead of building the vector. Vocabulary look-ups
    /// and row reads run as two separate loops so that their cache misses overlap.
    func margins(for text: String) -> [Float] {
        var indices: [Int32] = []
        var counts: [Int32] = []
        NGramTally(ngrams.hashes(of: text)).forEach { hash, count in
            if let index = vocabulary.index(of: hash) {
                indices.append(index)
                counts.append(count)
            }
        }
        let classCount = labels.count, stride = classCount + 1
        let sublinear = hyperParameters.sublinearTF
        var sums = [Float](repeating: 0, count: classCount)
        var squaredNorm: Float = 0
        rows.withUnsafeBufferPointer { rows in
            sums.withUnsafeMutableBufferPointer { sums in
                for (index, count) in zip(indices, counts) {
                    let base = Int(index) * stride
                    let value = (sublinear ? 1 + logf(Float(count)) : Float(count)) * rows[base]
                    squaredNorm += value * value
                    for label in 0..<classCount { sums[label] += value * rows[base + 1 + label] }
                }
            }
        }
        let scale = squaredNorm > 0 ? 1 / squaredNorm.squareRoot() : 0
        return (0..<classCount).map { biases[$0] + scale * sums[$0] }
    }
}
