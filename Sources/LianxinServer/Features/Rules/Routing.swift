import Fluent
import LianxinCore

/// Category × division → responsible department: the most specific routing rule (longest
/// category code, then longest division code) wins; otherwise the category's default department,
/// looked up the category tree.
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
        let code = best?.departmentCode ?? chain.lazy.compactMap(\.defaultDepartmentCode).first
        return code.flatMap { catalog.departments[$0] }
    }
}
