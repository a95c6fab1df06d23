/// A category as the desk's suggestions see it: its place in the tree and the words that name it.
public struct CatalogueTerms: Sendable, Hashable {
    public let code: String
    public let parent: String?
    /// The name, keywords and aliases.
    public let terms: [String]

    public init(code: String, parent: String?, terms: [String]) {
        self.code = code
        self.parent = parent
        self.terms = terms
    }
}

/// Turns the classifier's top-level guesses into the most specific categories (leaves) the text
/// names: a night-construction noise complaint classified as 施工管理 is suggested as 施工扰民, whose
/// keywords (夜间施工, 噪音…) it contains. A top-level guess whose subtree no word matches stays as it is.
public enum LeafSuggester {
    public struct Suggestion: Sendable, Hashable {
        public let code: String
        public let score: Double
    }

    /// Up to `limit` suggestions, best first. `topConfidence` is the classifier's confidence per
    /// top-level code; `entries` are the active categories.
    public static func suggest(text: String, topConfidence: [String: Double], entries: [CatalogueTerms], limit: Int = 3) -> [Suggestion] {
        let byCode = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let parents = Set(entries.compactMap(\.parent))
        func top(of code: String) -> String {
            var current = code
            var seen: Set<String> = []
            while let parent = byCode[current]?.parent, byCode[parent] != nil, seen.insert(current).inserted { current = parent }
            return current
        }
        func matched(_ entry: CatalogueTerms) -> Double {
            let hits = entry.terms.filter { !$0.isEmpty && text.contains($0) }
            return hits.reduce(0) { $0 + Double(min($1.count, 6)) }
        }
        var scores: [String: Double] = [:]
        for entry in entries where !parents.contains(entry.code) {
            let words = matched(entry)
            let confidence = topConfidence[top(of: entry.code)] ?? 0
            guard words > 0 else { continue }
            scores[entry.code] = confidence + 0.1 * words
        }
        for (code, confidence) in topConfidence where byCode[code] != nil {
            let leaves = scores.keys.filter { top(of: $0) == code }
            if leaves.isEmpty { scores[code] = confidence }
        }
        return scores.map { Suggestion(code: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.code < $1.code }
            .prefix(limit).map { $0 }
    }
}
