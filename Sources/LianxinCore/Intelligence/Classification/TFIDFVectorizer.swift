import Foundation

/// Fits the n-gram vocabulary and IDF of a training set and turns its documents into L2-normalised
/// TF-IDF vectors (`ClassifierModel` scores raw text with the same weighting).
struct TFIDFVectorizer: Sendable {
    let vocabulary: FeatureVocabulary
    /// Inverse document frequency of each feature.
    let idf: [Float]
    /// Whether term frequency is damped to `1 + ln(tf)`.
    let sublinearTF: Bool

    /// Keeps the n-grams found in at least `minDocumentFrequency` documents, with smoothed IDF
    /// `ln((1 + n) / (1 + df)) + 1`.
    init(fitting documents: [HashedDocument], minDocumentFrequency: Int, sublinearTF: Bool) {
        var all: [UInt64] = []
        all.reserveCapacity(documents.reduce(0) { $0 + $1.hashes.count })
        for document in documents { all.append(contentsOf: document.hashes) }
        all.sort()
        var hashes: [UInt64] = []
        var idf: [Float] = []
        let documentCount = Double(documents.count)
        var start = 0
        while start < all.count {
            var end = start + 1
            while end < all.count, all[end] == all[start] { end += 1 }
            let frequency = end - start
            if frequency >= minDocumentFrequency {
                hashes.append(all[start])
                idf.append(Float(log((1 + documentCount) / (1 + Double(frequency))) + 1))
            }
            start = end
        }
        vocabulary = FeatureVocabulary(hashes: hashes)
        self.idf = idf
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
