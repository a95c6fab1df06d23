import Foundation

/// Fits the n-gram vocabulary and IDF of a training set and turns its documents into L2-normalised
/// TF-IDF vectors (`ClassifierModel` scores raw text with the same weighting).
struct TFIDFVectorizer: Sendable {
    let vocabulary: FeatureVocabulary
    /// Inverse document frequency of each feature.
    let idf: [Float]
    /// Whether term frequency is damped to `1 + ln(tf)`.
    let sublinearTF: Bool

    /// Keeps the n-grams found in at least `minDocumentFrequency` documents, at most the `maxFeatures`
    /// most frequent (ties: smaller hash), with smoothed IDF `ln((1 + n) / (1 + df)) + 1`.
    init(fitting documents: [HashedDocument], minDocumentFrequency: Int, maxFeatures: Int, sublinearTF: Bool) {
        var all: [UInt64] = []
        all.reserveCapacity(documents.reduce(0) { $0 + $1.hashes.count })
        for document in documents { all.append(contentsOf: document.hashes) }
        all.sort()
        var kept: [(hash: UInt64, frequency: Int)] = []
        var start = 0
        while start < all.count {
            var end = start + 1
            while end < all.count, all[end] == all[start] { end += 1 }
            if end - start >= minDocumentFrequency { kept.append((all[start], end - start)) }
            start = end
        }
        if kept.count > maxFeatures {
            kept.sort { $0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.hash < $1.hash }
            kept.removeLast(kept.count - maxFeatures)
            kept.sort { $0.hash < $1.hash }
        }
        let documentCount = Double(documents.count)
        vocabulary = FeatureVocabulary(hashes: kept.map(\.hash))
        idf = kept.map { Float(log((1 + documentCount) / (1 + Double($0.frequency))) + 1) }
        self.sublinearTF = sublinearTF
    }

    /// The vector of an already hashed document.
    func vector(for document: HashedDocument) -> SparseVector {
        var indices: [Int32] = []
        var values: [Float] = []
        indices.reserveCapacity(document.hashes.count)
        values.reserveCapacity(document.hashes.count)
        var squaredNorm: Float = 0
        for (hash, count) in zip(document.hashes, document.counts) {
            guard let index = vocabulary.index(of: hash) else { continue }
            let value = (sublinearTF ? 1 + logf(count) : count) * idf[Int(index)]
            indices.append(index)
            values.append(value)
            squaredNorm += value * value
        }
        if squaredNorm > 0 {
            let scale = 1 / squaredNorm.squareRoot()
            for position in values.indices { values[position] *= scale }
        }
        return SparseVector(indices: indices, values: values)
    }
}
