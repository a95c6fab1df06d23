import Vapor
import Fluent
import LianxinCore

/// `lianxin import departments FILE.csv`: every row checked as the API checks a unit, the tree of the
/// file and the database checked as a whole (unknown parent, cycle, parent of another county), a
/// code twice in the file refused; then everything written in one transaction, or nothing.
struct UnitImporter {
    let application: Application
    /// The county `lianxin setup` loads: a unit of another division is refused (nil: no such limit).
    var within: DivisionCode?
    /// Who loads the file (the setup page's administrator, or the command line).
    var actor: AuditActor = .commandLine

    struct Report: Sendable {
        var added = 0
        var updated = 0
    }

    private struct Row {
        let line: Int
        let valid: ValidUnit
        let existing: Department?
        let active: Bool
    }

    func importCSV(_ text: String) async throws -> Report {
        let db = application.db
        let texts = InputValidator(application.lianxin.localizer)
        try ImportLimits.checkRows(text, limit: UnitCSV.maximumRows, texts)
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch {
            throw Problem.invalid(field: "/file", "\(error)")
        }
        var problems: [Problem.FieldError] = []
        for column in ["code", "name", "division_code"] where table.column(column) == nil {
            problems.append(.init(field: "header", message: texts.message("units_csv_missing_column", ["column": column])))
        }
        guard problems.isEmpty else { throw Problem.invalid(problems, detail: texts.message("units_csv_refused")) }
        let all = try await Department.query(on: db).all()
        let byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        let checks = UnitChecks(database: db, principal: nil)
        for (line, fields) in table.rows {
            let (input, activeText) = UnitCSV.input(fields, table)
            let code = input.code ?? ""
            var validator = InputValidator(application.lianxin.localizer)
            if let first = seen[code] {
                validator.fail("/code", key: "units_csv_duplicate", ["code": code, "line": "\(first)"])
            } else {
                seen[code] = line
            }
            if let within, let division = DivisionCode(input.divisionCode ?? ""), !within.contains(division) {
                validator.fail("/divisionCode", key: "setup_outside_county", ["code": division.value])
            }
            let existing = byCode[code]
            let valid = try await checks.fields(input, existing: existing, into: &validator)
            let active: Bool
            switch activeText.lowercased() {
            case "", "true", "1", "是", "yes": active = true
            case "false", "0", "否", "no": active = false
            default:
                active = true
                validator.fail("/active", key: "validation_yes_no")
            }
            if let existing, existing.active, !active {
                let waiting = try await UnitService(application: application, database: db, principal: nil).ordersWaiting(on: existing)
                if !waiting.isEmpty { validator.fail("/active", key: "units_csv_disable_orders") }
            }
            problems += validator.errors.map { .init(field: "line \(line), \(UnitCSV.column(of: $0.field))", message: $0.message) }
            if validator.isValid { rows.append(Row(line: line, valid: valid, existing: existing, active: active)) }
        }
        let fileCodes = Set(rows.map(\.valid.code))
        var nodes = all.filter { !fileCodes.contains($0.code) }.compactMap { unit in
            DivisionCode(unit.divisionCode).map {
                UnitNode(code: unit.code, division: $0, parent: unit.parentID.flatMap { id in all.first { $0.id == id }?.code })
            }
        }
        nodes += rows.map { UnitNode(code: $0.valid.code, division: $0.valid.division, parent: $0.valid.parentCode) }
        let tree = UnitTree.problems(nodes)
        for row in rows {
            for problem in tree[row.valid.code] ?? [] {
                let message: String
                switch problem {
                case .unknownParent(let code): message = texts.message("units_parent_unknown", ["code": code])
                case .cycle: message = texts.message("units_parent_cycle", ["code": row.valid.parentCode ?? ""])
                case .parentOutsideLine(let code): message = texts.message("units_parent_line", ["code": code])
                }
                problems.append(.init(field: "line \(row.line), parent_code", message: message))
            }
        }
        guard problems.isEmpty else { throw Problem.invalid(problems, detail: texts.message("units_csv_refused")) }
        return try await write(rows)
    }

    private func write(_ rows: [Row]) async throws -> Report {
        let context = application.lianxin
        var report = Report()
        let units = rows.map { $0.existing ?? Department() }
        try await context.writes.run {
            try await application.db.transaction { db in
                let store = UnitStore(database: db, cipher: context.cipher)
                for (row, unit) in zip(rows, units) {
                    unit.active = row.active
                    try await store.save(row.valid, into: unit, parentID: unit.parentID)
                }
                var ids: [String: UUID] = [:]
                for unit in try await Department.query(on: db).all() { ids[unit.code] = unit.id }
                for (row, unit) in zip(rows, units) {
                    unit.parentID = row.valid.parentCode.flatMap { ids[$0] }
                    try await unit.update(on: db)
                }
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: actor, target: "units",
                    detail: "imported \(rows.count) units", at: context.now(), on: db)
            }
        }
        for row in rows { if row.existing == nil { report.added += 1 } else { report.updated += 1 } }
        context.referenceCache.clear()
        return report
    }
}
