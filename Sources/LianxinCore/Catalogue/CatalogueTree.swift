/// One category as the tree rules see it.
public struct CatalogueNode: Sendable, Hashable {
    public let code: String
    public let parent: String?
    public let roles: DepartmentRoles

    public init(code: String, parent: String?, roles: DepartmentRoles = .empty) {
        self.code = code
        self.parent = parent
        self.roles = roles
    }
}

/// What is wrong with a category's place in the tree.
public enum CatalogueTreeProblem: Sendable, Hashable {
    /// The parent code names no category.
    case unknownParent(String)
    /// The category is its own ancestor.
    case cycle
    /// The category lies deeper than `CatalogueTree.maximumDepth`.
    case tooDeep
}

/// The rules of the dispatch catalogue (派单目录): a tree of any practical depth (three levels are
/// common), no category its own ancestor, and a category without a role of its own takes its parent's.
public enum CatalogueTree {
    /// Deep enough for any published catalogue; deeper is a mistake in a file.
    public static let maximumDepth = 6

    /// Every problem of every category, by code; codes are assumed unique (a later node wins).
    public static func problems(_ nodes: [CatalogueNode]) -> [String: [CatalogueTreeProblem]] {
        var byCode: [String: CatalogueNode] = [:]
        for node in nodes { byCode[node.code] = node }
        var found: [String: [CatalogueTreeProblem]] = [:]
        for node in byCode.values {
            guard let parentCode = node.parent else { continue }
            guard byCode[parentCode] != nil else {
                found[node.code, default: []].append(.unknownParent(parentCode))
                continue
            }
            var seen: Set<String> = [node.code]
            var current = byCode[parentCode]
            var depth = 1
            while let ancestor = current {
                guard seen.insert(ancestor.code).inserted else {
                    found[node.code, default: []].append(.cycle)
                    break
                }
                depth += 1
                current = ancestor.parent.flatMap { byCode[$0] }
            }
            if depth > maximumDepth, found[node.code] == nil { found[node.code, default: []].append(.tooDeep) }
        }
        return found
    }

    /// The category and its ancestors, nearest first (stops at a cycle or a missing parent).
    public static func lineage(of code: String, in nodes: [String: CatalogueNode]) -> [CatalogueNode] {
        var chain: [CatalogueNode] = []
        var seen: Set<String> = []
        var current = nodes[code]
        while let node = current, seen.insert(node.code).inserted {
            chain.append(node)
            current = node.parent.flatMap { nodes[$0] }
        }
        return chain
    }

    /// The role at `level` for the category: its own, else its nearest ancestor's.
    public static func role(of code: String, at level: UnitLevel, in nodes: [String: CatalogueNode]) -> String? {
        lineage(of: code, in: nodes).lazy.compactMap { $0.roles.role(at: level) }.first
    }
}
