import Vapor
import Fluent
import LianxinCore

/// A registry table whose rows belong to a grid of a community.
protocol RegistryScoped: Model {
    var gridCodeField: FieldProperty<Self, String> { get }
    var communityCodeField: FieldProperty<Self, String> { get }
}

extension Building: RegistryScoped {
    var gridCodeField: FieldProperty<Building, String> { $gridCode }
    var communityCodeField: FieldProperty<Building, String> { $communityCode }
}

extension Household: RegistryScoped {
    var gridCodeField: FieldProperty<Household, String> { $gridCode }
    var communityCodeField: FieldProperty<Household, String> { $communityCode }
}

extension Resident: RegistryScoped {
    var gridCodeField: FieldProperty<Resident, String> { $gridCode }
    var communityCodeField: FieldProperty<Resident, String> { $communityCode }
}

/// Which registry rows a principal sees: a grid member those of the grids they are assigned to
/// (in force), everyone else their division subtree. Applied in queries, and to single records.
struct RegistryScope: Sendable {
    /// The principal's division code; every visible row lies in its subtree.
    let division: DivisionCode
    /// For grid members, the grids they serve; nil means the whole division.
    let grids: Set<String>?

    /// The scope of `principal` at `now`.
    static func of(_ principal: Principal, now: Date, on db: any Database) async throws -> RegistryScope {
        guard principal.role == .gridMember else { return RegistryScope(division: principal.division, grids: nil) }
        let codes = try await GridStaffAssignment.query(on: db).filter(\.$userID == principal.userID)
            .filter(\.$validFrom <= now).filter(\.$validTo == nil).all(\.$gridCode)
        return RegistryScope(division: principal.division, grids: Set(codes))
    }

    /// Whether a row of `grid` in `community` is visible.
    func contains(grid: String, community: String) -> Bool {
        guard let code = DivisionCode(community), division.contains(code) else { return false }
        return grids?.contains(grid) ?? true
    }

    /// Limits `query` to the visible rows.
    func limit<M: RegistryScoped>(_ query: QueryBuilder<M>) -> QueryBuilder<M> {
        let inDivision = query.within(\.communityCodeField, division)
        guard let grids else { return inDivision }
        // An empty IN list is not valid SQL everywhere; no grid code is empty.
        return grids.isEmpty ? inDivision.filter(\.gridCodeField == "") : inDivision.filter(\.gridCodeField ~~ Array(grids))
    }
}

extension Request {
    /// The registry scope of the principal.
    func registryScope(_ principal: Principal) async throws -> RegistryScope {
        try await RegistryScope.of(principal, now: lianxin.now(), on: db)
    }
}

extension Request {
    /// The household `raw` names, when the principal's registry scope holds it; else 404 (out of scope audited).
    func household(_ raw: String?, for principal: Principal) async throws -> Household {
        guard let raw, let id = UUID(uuidString: raw), let household = try await Household.find(id, on: db) else {
            throw Problem.notFound("household")
        }
        guard try await registryScope(principal).contains(grid: household.gridCode, community: household.communityCode) else {
            throw await outOfScope("household", target: "household:\(id)")
        }
        return household
    }
}
