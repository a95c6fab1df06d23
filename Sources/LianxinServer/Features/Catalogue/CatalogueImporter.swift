import Vapor
import Fluent
import LianxinCore

/// `lianxin import categories FILE.csv`: every row checked as the API checks a category, the tree of
/// the file and the database checked as a whole (unknown parent, cycle), a code twice in the file
/// refused; then everything written in one transaction — each changed category as a new version —
/// or nothing.
struct CatalogueImporter {
    let application: Application
    var actor: AuditActor = .commandLine

    struct Report: Sendable {
        var added = 0
        var updated = 0
        var unchanged = 0
    }

    func importCSV(_ text: String) async throws -> Report {
        let db = application.db
        let texts = InputValidator(application.lianxin.localizer)
        try ImportLimits.checkRows(text, limit: CatalogueCSV.maximumRows, texts)
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch {
            throw Problem.invalid(field: "/file", "\(error)")
        }
        var problems: [Problem.FieldError] = []
        for column in ["code", "name"] where table.column(column) == nil {
            problems.append(.init(field: "header", message: texts.message("catalogue_csv_missing_column", ["column": column])))
        }
        guard problems.isEmpty else { throw Problem.invalid(problems, detail: texts.message("catalogue_csv_refused")) }
        let stored = try await Category.query(on: db).all()
        let byCode = Dictionary(stored.compactMap { c in c.id.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        let checks = CatalogueChecks(
            policies: Set(try await SLAPolicyRecord.query(on: db).all().compactMap(\.id)), known: Set(byCode.keys))
        // Parents' policies, for rows that leave theirs blank.
        var policies = byCode.mapValues(\.slaPolicyCode)
        var rows: [(line: Int, definition: CategoryDefinition)] = []
        // Every row's place in the tree, bad rows included, so a row is told all its problems at once.
        var places: [(line: Int, code: String, parent: String?)] = []
        var seen: [String: Int] = [:]
        for (line, fields) in table.rows {
            let (input, parentText, publicText, activeText) = CatalogueCSV.input(fields, table)
            let code = input.code ?? ""
            var validator = InputValidator(application.lianxin.localizer)
            if let first = seen[code] {
                validator.fail("/code", key: "catalogue_csv_duplicate", ["code": code, "line": "\(first)"])
            } else {
                seen[code] = line
            }
            let parent = parentText.isEmpty ? nil : parentText
            if seen[code] == line { places.append((line, code, parent)) }
            var definition = checks.definition(
                input, existing: byCode[code].map(CategoryDefinition.init), parentPolicy: parent.flatMap { policies[$0] }, into: &validator)
            definition.parentCode = parent
            if let parent, !UnitChecks.isCode(parent) { validator.fail("/parentCode", key: "catalogue_parent_unknown", ["code": ""]) }
            if let isPublic = CatalogueCSV.flag(publicText, default: true) {
                definition.isPublic = isPublic
            } else {
                validator.fail("/isPublic", key: "validation_choice", ["choices": "true, false"])
            }
            if let active = CatalogueCSV.flag(activeText, default: true) {
                definition.active = active
            } else {
                validator.fail("/active", key: "validation_choice", ["choices": "true, false"])
            }
            problems += validator.errors.map { .init(field: "line \(line), \(CatalogueCSV.column(of: $0.field))", message: $0.message) }
            if validator.isValid {
                rows.append((line, definition))
                policies[code] = definition.slaPolicy
            }
        }
        let fileCodes = Set(places.map(\.code))
        var nodes = stored.filter { !fileCodes.contains($0.id ?? "") }.map(\.node)
        nodes += places.map { CatalogueNode(code: $0.code, parent: $0.parent) }
        let tree = CatalogueTree.problems(nodes)
        for place in places {
            for problem in tree[place.code] ?? [] {
                problems.append(
                    .init(field: "line \(place.line), parent_code", message: CatalogueChecks.message(problem, parent: place.parent ?? "", texts)))
            }
        }
        problems.sort { (Int($0.field.dropFirst(5).prefix { $0.isNumber }) ?? 0) < (Int($1.field.dropFirst(5).prefix { $0.isNumber }) ?? 0) }
        guard problems.isEmpty else { throw Problem.invalid(problems, detail: texts.message("catalogue_csv_refused")) }
        return try await write(rows.map(\.definition), known: Set(byCode.keys))
    }

    private func write(_ definitions: [CategoryDefinition], known: Set<String>) async throws -> Report {
        let context = application.lianxin
        let now = context.now()
        let actor = self.actor
        let report = try await context.writes.run {
            try await application.db.transaction { db in
                var report = Report()
                let store = CatalogueStore(database: db)
                if known.isEmpty {
                    // An empty catalogue (a new deployment): every row is version 1, written in two statements.
                    try await store.createAll(definitions, actor: actor.name, at: now)
                    report.added = definitions.count
                }
                for definition in definitions where !known.isEmpty {
                    let (_, version) = try await store.save(definition, change: "imported", actor: actor.name, at: now)
                    if version == nil {
                        report.unchanged += 1
                    } else if known.contains(definition.code) {
                        report.updated += 1
                    } else {
                        report.added += 1
                    }
                }
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: actor, target: "catalogue",
                    detail: "imported \(definitions.count) categories: \(report.added) added, \(report.updated) changed", at: now, on: db)
                return report
            }
        }
        context.referenceCache.clear()
        return report
    }
}
