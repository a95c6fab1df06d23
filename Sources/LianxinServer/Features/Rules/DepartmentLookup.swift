import Fluent
import Foundation
import LianxinCore

/// Which handling units a person may name — as the unit an order goes to, a unit summoned by a
/// whistle, a stall at a service event. The one place that rule is decided, so that no request can
/// reach a unit of another county by naming its id (an unknown, inactive or unrelated unit is
/// answered exactly like a missing one).
enum DepartmentLookup {
    /// Whether `department` may be named by `principal` for work in `division`: it is active, and
    /// its division lies on one line of the tree with both the work's division and the principal's
    /// (a county dispatcher may send a county order to a county or city unit or to one of its
    /// townships, never to a unit of another county).
    static func mayServe(_ department: Department, division: DivisionCode, for principal: Principal?) -> Bool {
        guard department.active, let unitDivision = DivisionCode(department.divisionCode) else { return false }
        guard unitDivision.isRelated(to: division) else { return false }
        if let principal { return unitDivision.isRelated(to: principal.division) }
        return true
    }

    /// The active units `principal` may name for work in `division`, or nil when any id is unknown
    /// or not theirs to name.
    static func usable(_ ids: [UUID], division: DivisionCode, for principal: Principal?, on db: any Database) async throws -> [Department]? {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [] }
        let found = try await Department.query(on: db).filter(\.$id ~~ unique).all()
        guard found.count == unique.count, found.allSatisfy({ mayServe($0, division: division, for: principal) }) else { return nil }
        return found
    }

    /// The units `principal` may pick from for work in `division`, sorted by code (for the pickers).
    static func choices(division: DivisionCode, for principal: Principal?, on db: any Database) async throws -> [Department] {
        try await Department.query(on: db).filter(\.$active == true).sort(\.$code).all()
            .filter { mayServe($0, division: division, for: principal) }
    }
}
