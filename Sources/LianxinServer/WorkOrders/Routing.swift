import Fluent
import LianxinCore

/// Category × division → responsible department: the most specific routing rule (longest
/// category code, then longest division code) wins; otherwise the category's default department,
/// looked up the category tree.
enum Routing {
    static func department(for category: Category, in division: DivisionCode, on db: any Database) async throws -> Department? {
        var chain: [Category] = [category]
        while let parent = chain.last?.parentCode, chain.count < 8, let next = try await Category.find(parent, on: db) {
            chain.append(next)
        }
        let categoryCodes = chain.compactMap(\.id)
        let divisions = division.lineage.map(\.value)
        let rules = try await RoutingRule.query(on: db)
            .filter(\.$categoryCode ~~ categoryCodes).filter(\.$divisionCode ~~ divisions).all()
        let best = rules.max { a, b in (a.categoryCode.count, a.divisionCode.count) < (b.categoryCode.count, b.divisionCode.count) }
        let code = best?.departmentCode ?? chain.lazy.compactMap(\.defaultDepartmentCode).first
        guard let code else { return nil }
        return try await Department.query(on: db).filter(\.$code == code).filter(\.$active == true).first()
    }
}
