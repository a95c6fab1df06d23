import Vapor
import Fluent
import LianxinCore

/// `lianxin import category-attributes FILE.csv` / `export category-attributes`: the extra questions a
/// category asks at intake (a street light's pole number, its state from a list), offered to the desk's
/// API and to Open311 clients. The file replaces the questions of every category it names — all rows
/// checked first, then written in one transaction, or nothing.
enum CategoryAttributeCSV {
    static let columns = ["category_code", "code", "datatype", "required", "order", "description", "values"]
    static let defaultFile = "Data/category-attributes.csv"
    static let maximumRows = 5_000

    struct Row: Sendable {
        let categoryCode: String
        let attribute: ServiceAttribute
        let values: String
    }

    /// Every row checked; a refusal lists each problem as `line N, column`.
    static func check(_ text: String, on db: any Database, texts: InputValidator) async throws -> [Row] {
        try ImportLimits.checkRows(text, limit: maximumRows, texts)
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch { throw Problem.invalid(field: "/file", "\(error)") }
        var problems: [Problem.FieldError] = []
        for column in ["category_code", "code", "datatype", "description"] where table.column(column) == nil {
            problems.append(.init(field: "header", message: texts.message("catalogue_csv_missing_column", ["column": column])))
        }
        guard problems.isEmpty else { throw Problem.invalid(problems, detail: texts.message("catalogue_csv_refused")) }
        let known = Set(try await Category.query(on: db).all(\.$id))
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for (line, fields) in table.rows {
            func value(_ name: String) -> String {
                table.column(name).flatMap { $0 < fields.count ? fields[$0].trimmingCharacters(in: .whitespaces) : nil } ?? ""
            }
            func fail(_ column: String, _ key: String, _ arguments: [String: String] = [:]) {
                problems.append(.init(field: "line \(line), \(column)", message: texts.message(key, arguments)))
            }
            let category = value("category_code"), code = value("code")
            if !known.contains(category) { fail("category_code", "units_category_unknown", ["code": category]) }
            if code.isEmpty || code.count > 40 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                fail("code", "catalogue_attribute_code")
            } else if let first = seen[category + "\u{1F}" + code] {
                fail("code", "catalogue_attribute_twice", ["line": "\(first)"])
            } else {
                seen[category + "\u{1F}" + code] = line
            }
            let datatype = ServiceAttribute.Datatype(rawValue: value("datatype"))
            if datatype == nil { fail("datatype", "catalogue_attribute_datatype") }
            let required: Bool
            switch value("required").lowercased() {
            case "", "false", "0", "否", "no": required = false
            case "true", "1", "是", "yes": required = true
            default:
                required = false
                fail("required", "validation_yes_no")
            }
            let orderText = value("order")
            let order = orderText.isEmpty ? line : Int(orderText) ?? -1
            if order < 0 { fail("order", "catalogue_attribute_order") }
            let description = value("description")
            if description.isEmpty || description.count > 200 { fail("description", "catalogue_attribute_description") }
            let values = value("values")
            let parsed = ServiceAttribute.parseValues(values)
            if datatype == .singlevaluelist && (parsed.count < 2 || parsed.count != values.split(separator: ";").count) {
                fail("values", "catalogue_attribute_values")
            }
            if let datatype {
                rows.append(
                    Row(
                        categoryCode: category,
                        attribute: ServiceAttribute(
                            code: code, datatype: datatype, required: required, order: order, description: description,
                            values: datatype == .singlevaluelist ? parsed : []), values: datatype == .singlevaluelist ? values : ""))
            }
        }
        guard problems.isEmpty else { throw Problem.invalid(problems, detail: texts.message("catalogue_csv_refused")) }
        return rows
    }

    /// Checks and writes the file; returns the number of questions written.
    static func importCSV(_ text: String, application: Application, actor: AuditActor) async throws -> Int {
        let context = application.lianxin
        let rows = try await check(text, on: application.db, texts: InputValidator(context.localizer))
        try await context.writes.run {
            try await application.db.transaction { db in
                let categories = Array(Set(rows.map(\.categoryCode)))
                if !categories.isEmpty { try await CategoryAttribute.query(on: db).filter(\.$categoryCode ~~ categories).delete() }
                for row in rows {
                    let record = CategoryAttribute()
                    record.categoryCode = row.categoryCode
                    record.code = row.attribute.code
                    record.datatype = row.attribute.datatype.rawValue
                    record.required = row.attribute.required
                    record.order = row.attribute.order
                    record.description = row.attribute.description
                    record.values = row.values
                    try await record.create(on: db)
                }
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: actor, target: "category-attributes",
                    detail: "imported \(rows.count) questions of \(categories.count) categories", at: context.now(), on: db)
            }
        }
        context.referenceCache.clear()
        return rows.count
    }

    /// The questions as a file in the import format, by category and order.
    static func export(on db: any Database) async throws -> String {
        let rows = try await CategoryAttribute.query(on: db).sort(\.$categoryCode).sort(\.$order).all()
        return rows.reduce(CSVWriter.byteOrderMark + CSVWriter.line(columns)) { text, row in
            text
                + CSVWriter.line([
                    row.categoryCode, row.code, row.datatype, row.required ? "true" : "false", String(row.order), row.description, row.values,
                ])
        }
    }
}

extension CatalogueCommands {
    struct ImportAttributes: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(
                name: "file",
                help: "CSV with columns category_code,code,datatype (string|number|datetime|text|singlevaluelist),description"
                    + "[,required,order,values (key=name;key=name for a list)]; the word `default` loads the questions shipped with Lianxin.")
            var file: String
        }

        var help: String { "Loads the questions categories ask at intake; replaces those of each category named; all or nothing." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let path =
                signature.file == "default"
                ? (app.lianxin.settings.resourcesDirectory as NSString).appendingPathComponent(CategoryAttributeCSV.defaultFile)
                : signature.file
            let text = try importText(path)
            let count = try await reportingProblems(context) {
                try await CategoryAttributeCSV.importCSV(text, application: app, actor: .commandLine)
            }
            context.console.print("category attributes: \(count) questions written")
        }
    }

    struct ExportAttributes: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "out", help: "Output file (default: standard output).") var out: String?
        }

        var help: String { "Exports the questions categories ask at intake, in the import format." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let text = try await CategoryAttributeCSV.export(on: app.db)
            try await write(text, rows: text.split(whereSeparator: \.isNewline).count - 1, what: "category-attributes", to: signature.out, context)
        }
    }
}
