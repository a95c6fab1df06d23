/// A text's character n-gram counts, compared with others by cosine similarity.
public struct NGramProfile: Sendable, Hashable {
    private let hashes: [UInt64]
    private let counts: [Double]
    private let norm: Double

    /// Builds the profile of `text` with `ngrams`.
    public init(_ text: String, ngrams: CharacterNGrams) {
        let pairs = ngrams.counts(of: text)
        hashes = pairs.map(\.hash)
        counts = pairs.map { Double($0.count) }
        norm = counts.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// Whether the text had no n-grams at all.
    public var isEmpty: Bool { hashes.isEmpty }

    /// Cosine similarity in `0...1`; 0 when either text is empty.
    public func cosine(_ other: NGramProfile) -> Double {
        guard norm > 0, other.norm > 0 else { return 0 }
        var dot = 0.0
        var left = 0, right = 0
        while left < hashes.count, right < other.hashes.count {
            if hashes[left] == other.hashes[right] {
                dot += counts[left] * other.counts[right]
                left += 1
                right += 1
            } else if hashes[left] < other.hashes[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return min(1, dot / (norm * other.norm))
    }
}
