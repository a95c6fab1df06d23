import Vapor
import Fluent
import SQLKit
import LianxinCore

/// What the rows of a history file are checked against, loaded once: categories (by code and by name path), their
/// SLA policies, active units, division codes, the grids in force, the work calendar.
struct HistoryReferences: Sendable {
    let categories: [String: Category]
    let categoryPaths: [String: String]
    let policies: [String: SLAPolicy]
    let units: [String: (id: UUID, division: String)]
    let divisions: Set<String>
    let placement: ReferenceData.GridPlacement
    let calendar: WorkCalendar
    /// The county (or other division) the file is loaded into, when given: every order and unit must lie on its line.
    let scope: DivisionCode?

    static func load(app: Application, scope: DivisionCode?) async throws -> HistoryReferences {
        let db = app.db
        let context = app.lianxin
        let all = try await Category.query(on: db).filter(\.$active == true).all()
        let categories = Dictionary(all.map { ($0.id ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        var paths: [String: String] = [:]
        for (code, category) in categories {
            var names = [category.name]
            var parent = category.parentCode
            while let code = parent, let above = categories[code], names.count < 10 {
                names.insert(above.name, at: 0)
                parent = above.parentCode
            }
            paths[names.joined(separator: "/")] = code
        }
        var policies: [String: SLAPolicy] = [:]
        for code in Set(categories.values.map(\.slaPolicyCode)) {
            policies[code] = try await ReferenceData.policy(code, context.referenceCache, on: db)
        }
        var units: [String: (id: UUID, division: String)] = [:]
        for unit in try await Department.query(on: db).filter(\.$active == true).all() {
            units[unit.code] = (try unit.requireID(), unit.divisionCode)
        }
        let divisions = try await db.sql.raw("SELECT code FROM divisions").all().map { try $0.decode(column: "code", as: String.self) }
        return HistoryReferences(
            categories: categories, categoryPaths: paths, policies: policies, units: units, divisions: Set(divisions),
            placement: try await ReferenceData.locator(context.referenceCache, on: db),
            calendar: try await ReferenceData.loadCalendar(on: db, restDayReceipt: context.settings.restDayReceipt), scope: scope)
    }

    /// A category by code, or by its names from the top joined with `/` (市容环境/暴露垃圾).
    func category(_ text: String) -> Category? {
        if let found = categories[text] { return found }
        let path = text.replacingOccurrences(of: "／", with: "/").replacingOccurrences(of: ">", with: "/")
            .split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "/")
        return categoryPaths[path].flatMap { categories[$0] }
    }
}
