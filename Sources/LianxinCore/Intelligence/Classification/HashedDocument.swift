/// A text reduced once to its distinct n-gram hashes and their counts, so that folds reuse the work.
struct HashedDocument: Sendable {
    /// Distinct n-gram hashes in ascending order.
    let hashes: [UInt64]
    /// How often each hash occurs in the text.
    let counts: [Float]

    /// Hashes `text` with `ngrams`.
    init(text: String, ngrams: CharacterNGrams) {
        let pairs = ngrams.counts(of: text)
        hashes = pairs.map(\.hash)
        counts = pairs.map { Float($0.count) }
    }
}
