import Foundation

/// Maps text to L2-normalised TF-IDF vectors over a fitted n-gram vocabulary.
struct TFIDFVectorizer: Sendable {
    let ngrams: CharacterNGrams
    let vocabulary: FeatureVocabulary
    /// Inverse document frequency of each feature.
    let idf: [Float]
    /// Whether term frequency is damped to `1 + ln(tf)`.
    let sublinearTF: Bool

    init(ngrams: CharacterNGrams, vocabulary: FeatureVocabulary, idf: [Float], sublinearTF: Bool) {
        self.ngrams = ngrams
        self.vocabulary = vocabulary
        self.idf = idf
        self.sublinearTF = sublinearTF
    }

    /// Fits the vocabulary (n-grams in at least `minDocumentFrequency` documents) and smoothed IDF.
    init(fitting documents: [HashedDocument], ngrams: CharacterNGrams, minDocumentFrequency: Int, sublinearTF: Bool) {
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
        self.init(ngrams: ngrams, vocabulary: FeatureVocabulary(hashes: hashes), idf: idf, sublinearTF: sublinearTF)
    }

    /// The vector of an already hashed document.
    func vector(for document: HashedDocument) -> SparseVector {
        var indices: [Int32] = []
        var counts: [Float] = []
        indices.reserveCapacity(document.hashes.count)
        counts.reserveCapacity(document.hashes.count)
        for (hash, count) in zip(document.hashes, document.counts) {
            if let index = vocabulary.index(of: hash) {
                indices.append(index)
                counts.append(count)
            }
        }
        return weighted(indices: indices, counts: counts)
    }

    /// The known feature indices of every n-gram occurrence in `text`, sorted, with repeats.
    func knownIndices(of text: String) -> [Int32] {
        var known: [Int32] = []
        let hashes = ngrams.hashes(of: text)
        known.reserveCapacity(hashes.count)
        for hash in hashes {
            if let index = vocabulary.index(of: hash) { known.append(index) }
        }
        known.sort()
        return known
    }

    /// The TF weight of a feature seen `count` times.
    @inline(__always)
    func termWeight(_ count: Float) -> Float {
        sublinearTF ? 1 + logf(count) : count
    }

    private func weighted(indices: [Int32], counts: [Float]) -> SparseVector {
        var values = counts
        var squaredNorm: Float = 0
        for position in values.indices {
            let value = termWeight(values[position]) * idf[Int(indices[position])]
            values[position] = value
            squaredNorm += value * value
        }
        if squaredNorm > 0 {
            let scale = 1 / squaredNorm.squareRoot()
            for position in values.indices { values[position] *= scale }
        }
        return SparseVector(indices: indices, values: values)
    }
}
