/// The level a handling unit (承办单位) works at, taken from its division: a unit belongs to the
/// city, a county, a township or a community.
public enum UnitLevel: String, Sendable, Codable, CaseIterable, Hashable {
    case city, county, township, community

    /// The level of a unit attached to `division`, or nil for a province (no unit works there).
    public init?(division: DivisionCode) {
        switch division.level {
        case .province: return nil
        case .city: self = .city
        case .county: self = .county
        case .township: self = .township
        case .community: self = .community
        }
    }
}

/// One unit as the tree sees it: its code, its division and the code of its parent unit.
public struct UnitNode: Sendable, Hashable {
    public let code: String
    public let division: DivisionCode
    public let parent: String?

    public init(code: String, division: DivisionCode, parent: String?) {
        self.code = code
        self.division = division
        self.parent = parent
    }
}

/// What is wrong with a unit's place in the tree.
public enum UnitTreeProblem: Sendable, Hashable {
    /// The parent code names no unit.
    case unknownParent(String)
    /// The unit is its own ancestor.
    case cycle
    /// The parent works in another line of the division tree (another county, or below the unit).
    case parentOutsideLine(String)
}

/// The rules of the unit tree (a bureau and its teams): a parent works in the unit's own division or
/// one above it on the same line — a county bureau's team sits in the county or one of its
/// townships, never in another county — and no unit is its own ancestor.
public enum UnitTree {
    /// Whether a unit in `parent` may be the parent of a unit in `child`.
    public static func parentAllowed(parent: DivisionCode, child: DivisionCode) -> Bool { parent.contains(child) }

    /// Every problem of every unit, by code; units without problems are absent. Codes are assumed
    /// unique (a later node of the same code replaces an earlier one).
    public static func problems(_ nodes: [UnitNode]) -> [String: [UnitTreeProblem]] {
        var byCode: [String: UnitNode] = [:]
        for node in nodes { byCode[node.code] = node }
        var found: [String: [UnitTreeProblem]] = [:]
        for node in byCode.values {
            guard let parentCode = node.parent else { continue }
            guard let parent = byCode[parentCode] else {
                found[node.code, default: []].append(.unknownParent(parentCode))
                continue
            }
            if !parentAllowed(parent: parent.division, child: node.division) {
                found[node.code, default: []].append(.parentOutsideLine(parentCode))
            }
            if isInCycle(node.code, byCode) { found[node.code, default: []].append(.cycle) }
        }
        return found
    }

    /// Whether walking up from `code` comes back to it.
    static func isInCycle(_ code: String, _ byCode: [String: UnitNode]) -> Bool {
        var seen: Set<String> = [code]
        var current = byCode[code]?.parent
        while let next = current {
            if next == code { return true }
            guard seen.insert(next).inserted else { return false }
            current = byCode[next]?.parent
        }
        return false
    }
}
