/// How spaces in the input take part in character n-grams.
public enum WhitespaceHandling: String, Codable, Sendable, CaseIterable {
    /// Spaces are dropped, so word-segmented and raw text give the same n-grams.
    case ignore
    /// Spaces end a run: no n-gram crosses a word boundary.
    case separate
    /// A space is a character of its own inside n-grams, as scikit-learn's `char` analyzer sees it.
    case keep
}
