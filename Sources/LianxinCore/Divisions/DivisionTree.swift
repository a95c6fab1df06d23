/// The administrative tree under one division as a picker lists it: depth first, each entry with
/// its depth below the root and the names of the levels above it (so a search for a township also
/// finds its communities). Codes are prefixes of their descendants, so code order is tree order.
public struct DivisionTree: Sendable, Hashable {
    /// One division in the list.
    public struct Entry: Sendable, Hashable {
        public let code: DivisionCode
        public let name: String
        /// 0 for the root, 1 for its children…
        public let depth: Int
        /// Names from the root down to this division's parent.
        public let ancestors: [String]
    }

    public let entries: [Entry]

    /// The divisions of `named` that lie in `root`'s subtree (the root included when it is named).
    public init(root: DivisionCode, named: [DivisionCode: String]) {
        let inside = named.keys.filter { root.contains($0) }.sorted()
        let rootDepth = root.lineage.count
        entries = inside.map { code in
            let above = code.lineage.dropFirst().reversed().filter { root.contains($0) }
            return Entry(
                code: code, name: named[code] ?? code.value, depth: code.lineage.count - rootDepth,
                ancestors: above.compactMap { named[$0] })
        }
    }
}
