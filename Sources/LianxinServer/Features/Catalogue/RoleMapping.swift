import Vapor
import Fluent
import LianxinCore

/// The role → unit mapping per division: which of a county's units plays 城管, 住建, 供水… there.
/// Checked the same from the API, the pages and the file: a known division inside the writer's scope,
/// a role the catalogue names, and an active unit that may serve that division (never a unit of
/// another county); a blank unit removes the division's mapping of the role.
struct RoleMapping {
    let database: any Database
    /// Who writes; nil for the command line (no scope).
    let principal: Principal?

    struct Entry: Content, Equatable {
        var divisionCode: String
        var role: String
        /// The unit's code; nil or "" removes the mapping.
        var departmentCode: String?
    }

    /// Every role the catalogue names, sorted.
    static func knownRoles(on db: any Database) async throws -> [String] {
        let categories = try await Category.query(on: db).all()
        return Array(Set(categories.flatMap(\.node.roles.names))).sorted()
    }

    /// Checks `entry`, recording problems under `prefix` + field; returns it in normal form when good.
    func check(_ entry: Entry, roles: Set<String>, prefix: String = "", into checks: inout InputValidator) async throws -> Entry? {
        var good = true
        let division = DivisionCode(entry.divisionCode.trimmingCharacters(in: .whitespaces))
        if let division, principal.map({ !$0.canSee(division) }) ?? false {
            checks.fail(prefix + "/divisionCode", key: "validation_division_outside")
            good = false
        } else if try await !exists(division) {
            checks.fail(prefix + "/divisionCode", key: "validation_division_unknown")
            good = false
        }
        let role = entry.role.trimmingCharacters(in: .whitespaces)
        if !roles.contains(role) {
            checks.fail(prefix + "/role", key: "catalogue_role_unknown", ["role": DepartmentRoles.isRoleName(role) ? role : ""])
            good = false
        }
        let unitCode = entry.departmentCode?.trimmingCharacters(in: .whitespaces) ?? ""
        if !unitCode.isEmpty {
            let unit = UnitChecks.isCode(unitCode) ? try await Department.query(on: database).filter(\.$code == unitCode).first() : nil
            if unit == nil {
                checks.fail(prefix + "/departmentCode", key: "catalogue_unit_unknown", ["code": UnitChecks.isCode(unitCode) ? unitCode : ""])
                good = false
            } else if let unit, let division, !DepartmentLookup.mayServe(unit, division: division, for: principal) {
                checks.fail(prefix + "/departmentCode", key: "catalogue_unit_elsewhere", ["code": unitCode])
                good = false
            }
        }
        guard good, let division else { return nil }
        return Entry(divisionCode: division.value, role: role, departmentCode: unitCode.isEmpty ? nil : unitCode)
    }

    private func exists(_ division: DivisionCode?) async throws -> Bool {
        guard let division else { return false }
        return try await Division.find(division.value, on: database) != nil
    }

    /// Writes checked entries (inside the caller's transaction).
    func write(_ entries: [Entry]) async throws {
        for entry in entries {
            let row = try await DivisionRole.query(on: database).filter(\.$divisionCode == entry.divisionCode).filter(\.$role == entry.role)
                .first()
            switch (row, entry.departmentCode) {
            case (let row?, nil): try await row.delete(on: database)
            case (let row?, let code?):
                row.departmentCode = code
                try await row.update(on: database)
            case (nil, let code?):
                try await DivisionRole(divisionCode: entry.divisionCode, role: entry.role, departmentCode: code).create(on: database)
            case (nil, nil): break
            }
        }
    }

    /// `lianxin import category-roles FILE.csv` (columns division_code, role, unit_code): all rows
    /// checked, a division's role twice refused, then written in one transaction, or nothing.
    /// With `principal` (the setup page), every division must lie in their subtree and the entry is audited as theirs.
    static func importCSV(_ text: String, application: Application, by principal: Principal? = nil) async throws -> Int {
        let db = application.db
        let texts = InputValidator(application.lianxin.localizer)
        try ImportLimits.checkRows(text, limit: 20_000, texts)
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch {
            throw Problem.invalid(field: "/file", "\(error)")
        }
        var problems: [Problem.FieldError] = []
        for column in ["division_code", "role", "unit_code"] where table.column(column) == nil {
            problems.append(.init(field: "header", message: texts.message("catalogue_csv_missing_column", ["column": column])))
        }
        guard problems.isEmpty else { throw Problem.invalid(problems, detail: texts.message("catalogue_csv_refused")) }
        let mapping = RoleMapping(database: db, principal: principal)
        let roles = Set(try await knownRoles(on: db))
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        let columns = ["divisionCode": "division_code", "role": "role", "departmentCode": "unit_code"]
        for (line, fields) in table.rows {
            func value(_ name: String) -> String { table.column(name).flatMap { $0 < fields.count ? fields[$0] : nil } ?? "" }
            var validator = InputValidator(application.lianxin.localizer)
            let entry = Entry(divisionCode: value("division_code"), role: value("role"), departmentCode: value("unit_code"))
            let key = entry.divisionCode.trimmingCharacters(in: .whitespaces) + "\u{1F}" + entry.role.trimmingCharacters(in: .whitespaces)
            if let first = seen[key] {
                validator.fail("/role", key: "catalogue_role_twice", ["line": "\(first)"])
            } else {
                seen[key] = line
            }
            let checked = try await mapping.check(entry, roles: roles, into: &validator)
            problems += validator.errors.map { error in
                let field = String(error.field.dropFirst())
                return .init(field: "line \(line), \(columns[field] ?? field)", message: error.message)
            }
            if validator.isValid, let checked { entries.append(checked) }
        }
        guard problems.isEmpty else { throw Problem.invalid(problems, detail: texts.message("catalogue_csv_refused")) }
        let context = application.lianxin
        let checked = entries
        try await context.writes.run {
            try await db.transaction { tx in
                try await RoleMapping(database: tx, principal: nil).write(checked)
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: principal?.auditActor ?? .commandLine, target: "category-roles",
                    detail: "imported \(checked.count) role mappings", at: context.now(), on: tx)
            }
        }
        context.referenceCache.clear()
        return entries.count
    }

    /// The mapping as a file (division_code, role, unit_code), sorted.
    static func export(on db: any Database) async throws -> String {
        let rows = try await DivisionRole.query(on: db).sort(\.$divisionCode).sort(\.$role).all()
        return CSVWriter.byteOrderMark + CSVWriter.line(["division_code", "role", "unit_code"])
            + rows.map { CSVWriter.line([$0.divisionCode, $0.role, $0.departmentCode]) }.joined()
    }
}
