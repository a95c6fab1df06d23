import Vapor
import Fluent
import LianxinCore

/// The unit list's query: the caller's line of the division tree, narrowed by the filters.
enum UnitQueries {
    struct Filters {
        var division: DivisionCode?
        var level: UnitLevel?
        var parentCode: String?
        var text: String?
        /// nil: active and inactive.
        var active: Bool? = true

        init() {}

        init(_ req: Request) throws {
            var checks = InputValidator(req)
            if let raw = req.query[String.self, at: "division"], !raw.isEmpty {
                division = DivisionCode(raw)
                if division == nil { checks.fail("division", key: "validation_division_unknown") }
            }
            if let raw = req.query[String.self, at: "level"], !raw.isEmpty { level = checks.choice(raw, "level") }
            if let parent = req.query[String.self, at: "parent"], !parent.isEmpty {
                if UnitChecks.isCode(parent) { parentCode = parent } else { checks.fail("parent", key: "units_parent_unknown", ["code": ""]) }
            }
            text = checks.optionalText(req.query[String.self, at: "q"], "q", limit: 50)
            switch req.query[String.self, at: "active"] ?? "" {
            case "", "true": active = true
            case "false": active = false
            case "all": active = nil
            default: checks.fail("active", key: "validation_choice", ["choices": "true, false, all"])
            }
            try checks.finish()
        }
    }

    /// Units whose division lies on `principal`'s line (their subtree or an ancestor), filtered.
    static func filtered(_ filters: Filters, for principal: Principal, on db: any Database) async throws -> QueryBuilder<Department> {
        let query = Department.query(on: db).group(.or) { line in
            _ = line.within(\.$divisionCode, principal.division)
            line.filter(\.$divisionCode ~~ principal.division.lineage.map(\.value))
        }
        if let division = filters.division { _ = query.within(\.$divisionCode, division) }
        if let level = filters.level { query.filter(\.$level == level.rawValue) }
        if let parentCode = filters.parentCode {
            let parent = try await Department.query(on: db).filter(\.$code == parentCode).first()
            query.filter(\.$parentID == (parent?.id ?? UUID()))
        }
        if let text = filters.text { query.group(.or) { $0.filter(\.$code ~~ text).filter(\.$name ~~ text) } }
        if let active = filters.active { query.filter(\.$active == active) }
        return query
    }
}
