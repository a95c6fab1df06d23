/// A county's answer to "who is 城管 here?": in `division`, the unit (by code) that plays `role`.
public struct RoleAssignment: Sendable, Hashable {
    public let division: DivisionCode
    public let role: String
    public let unitCode: String

    public init(division: DivisionCode, role: String, unitCode: String) {
        self.division = division
        self.role = role
        self.unitCode = unitCode
    }
}

/// Resolves a category's role to a handling unit for an order's division: the order's own division
/// first (a township's order goes to the township's unit when it has one), then up the line —
/// township → county → city — each level asking for the role the category names at that level.
public struct RoleResolver: Sendable {
    private let assignments: [String: [String: String]]

    public init(_ assignments: [RoleAssignment]) {
        var table: [String: [String: String]] = [:]
        for assignment in assignments { table[assignment.division.value, default: [:]][assignment.role] = assignment.unitCode }
        self.assignments = table
    }

    /// The unit code and the division whose mapping named it, or nil when no division on the line maps
    /// the role. `usable` lets the caller skip a unit that is disabled or unknown.
    public func unit(
        for category: String, in division: DivisionCode, nodes: [String: CatalogueNode], usable: (String) -> Bool = { _ in true }
    ) -> (unitCode: String, division: DivisionCode)? {
        for place in division.lineage {
            guard let level = UnitLevel(division: place),
                let role = CatalogueTree.role(of: category, at: level, in: nodes),
                let unit = assignments[place.value]?[role], usable(unit)
            else { continue }
            return (unit, place)
        }
        return nil
    }
}
