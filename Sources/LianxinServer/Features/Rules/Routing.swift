import Fluent
import LianxinCore

/// Category × division → responsible department, in this order:
/// 1. the most specific routing rule (longest category code, then longest division code) — an
///    administrator's explicit exception;
/// 2. the category's department role resolved for the order's division (`RoleResolver`): the
///    division's own unit for that role, else the nearest division above it that maps the role —
///    so an order in 信州区 goes to 信州区's 城管 unit, not the city's;
/// 3. the category's default department (files from before the catalogue had roles), looked up the tree.
enum Routing {
    static func department(for category: Category, in division: DivisionCode, catalog: ReferenceData.Catalog) -> Department? {
        var chain: [Category] = [category]
        while let parent = chain.last?.parentCode, chain.count < 8, let next = catalog.categories[parent] {
            chain.append(next)
        }
        let categoryCodes = Set(chain.compactMap(\.id))
        let divisions = Set(division.lineage.map(\.value))
        let rules = catalog.rules.filter { categoryCodes.contains($0.categoryCode) && divisions.contains($0.divisionCode) }
        let best = rules.max { a, b in (a.categoryCode.count, a.divisionCode.count) < (b.categoryCode.count, b.divisionCode.count) }
        if let code = best?.departmentCode, let department = catalog.departments[code] { return department }
        if let code = category.id,
            let resolved = catalog.roles.unit(for: code, in: division, nodes: catalog.nodes, usable: { catalog.departments[$0] != nil })
        {
            return catalog.departments[resolved.unitCode]
        }
        return chain.lazy.compactMap(\.defaultDepartmentCode).first.flatMap { catalog.departments[$0] }
    }
}
