import Vapor
import Fluent
import LianxinCore

/// `lianxin import institutions` and `lianxin import insurance-persons`: the registries, checked
/// whole (known division, known institution, a code once) and written in one transaction or not at all.
/// A code already registered is updated.
struct InsuranceRegistryImporter {
    let application: Application

    static let levels = ["一级", "二级", "三级", "未定级"]
    static let statuses = ["active", "suspended", "terminated"]

    func importInstitutions(_ text: String) async throws -> Int {
        let texts = InputValidator(application.lianxin.localizer)
        let table = try Self.table(text, ["code", "name", "level", "division_code"], texts)
        let db = application.db
        let divisions = Set(try await Division.query(on: db).all().compactMap(\.id))
        var problems: [Problem.FieldError] = []
        var seen: Set<String> = []
        var rows: [(code: String, name: String, level: String, division: String, status: String)] = []
        for (line, fields) in table.rows {
            func value(_ column: String) -> String { table.column(column).map { fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            func fail(_ column: String, _ reason: String) {
                problems.append(.init(field: "line \(line), \(column)", message: texts.message("mi_csv_\(reason)", ["column": column])))
            }
            let code = value("code"), name = value("name"), level = value("level"), division = value("division_code")
            let status = value("agreement_status").isEmpty ? "active" : value("agreement_status")
            if code.isEmpty || code.count > 32 { fail("code", "invalid") } else if !seen.insert(code).inserted { fail("code", "duplicate") }
            if name.isEmpty || name.count > 100 { fail("name", "invalid") }
            if !Self.levels.contains(level) { fail("level", "invalid") }
            if !divisions.contains(division) { fail("division_code", "invalid") }
            if !Self.statuses.contains(status) { fail("agreement_status", "invalid") }
            rows.append((code, name, level, division, status))
        }
        guard problems.isEmpty else { throw Problem.invalid(problems, detail: texts.message("mi_csv_refused", ["count": "\(problems.count)"])) }
        let accepted = rows
        try await application.lianxin.writes.run {
            try await db.transaction { db in
                let existing = try await InsuranceStore.institutions(on: db)
                for row in accepted {
                    let model = existing[row.code] ?? InsuranceInstitution()
                    model.code = row.code
                    model.name = row.name
                    model.level = row.level
                    model.divisionCode = row.division
                    model.agreementStatus = row.status
                    try await model.save(on: db)
                }
                try await AuditLog.record(
                    .insuranceRegistryImported, result: .success, actor: .commandLine, target: "mi_institutions", detail: "\(accepted.count) rows",
                    at: application.lianxin.now(), on: db)
            }
        }
        return rows.count
    }

    func importPersons(_ text: String) async throws -> Int {
        let texts = InputValidator(application.lianxin.localizer)
        let table = try Self.table(text, ["code", "name", "institution_code"], texts)
        let db = application.db
        let institutions = try await InsuranceStore.institutions(on: db)
        var problems: [Problem.FieldError] = []
        var seen: Set<String> = []
        var rows: [(code: String, name: String, institution: InsuranceInstitution)] = []
        for (line, fields) in table.rows {
            func value(_ column: String) -> String { table.column(column).map { fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            func fail(_ column: String, _ reason: String) {
                problems.append(.init(field: "line \(line), \(column)", message: texts.message("mi_csv_\(reason)", ["column": column])))
            }
            let code = value("code"), name = value("name")
            if code.isEmpty || code.count > 40 { fail("code", "invalid") } else if !seen.insert(code).inserted { fail("code", "duplicate") }
            if name.isEmpty || name.count > 50 { fail("name", "invalid") }
            if let institution = institutions[value("institution_code")] {
                rows.append((code, name, institution))
            } else {
                fail("institution_code", "unknownInstitution")
            }
        }
        guard problems.isEmpty else { throw Problem.invalid(problems, detail: texts.message("mi_csv_refused", ["count": "\(problems.count)"])) }
        let accepted = rows
        try await application.lianxin.writes.run {
            try await db.transaction { db in
                let existing = Dictionary(
                    try await InsurancePerson.query(on: db).all().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
                for row in accepted {
                    let model = existing[row.code] ?? InsurancePerson()
                    model.code = row.code
                    model.name = row.name
                    model.institutionCode = row.institution.code
                    model.divisionCode = row.institution.divisionCode
                    try await model.save(on: db)
                }
                try await AuditLog.record(
                    .insuranceRegistryImported, result: .success, actor: .commandLine, target: "mi_persons", detail: "\(accepted.count) rows",
                    at: application.lianxin.now(), on: db)
            }
        }
        return rows.count
    }

    private static func table(_ text: String, _ required: [String], _ texts: InputValidator) throws -> CSVTable {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch { throw Problem.invalid(field: "/file", "\(error)") }
        let missing = required.filter { table.column($0) == nil }
        guard missing.isEmpty else {
            throw Problem.invalid(
                missing.map { .init(field: "header", message: texts.message("mi_csv_missingColumn", ["column": $0])) },
                detail: texts.message("mi_csv_refused", ["count": "\(missing.count)"]))
        }
        return table
    }
}
