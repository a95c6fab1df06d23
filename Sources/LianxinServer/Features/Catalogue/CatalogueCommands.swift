import Vapor
import Fluent
import LianxinCore

/// `lianxin import categories FILE.csv|default`, `lianxin export categories`, and the role mapping's
/// `lianxin import category-roles FILE.csv` / `lianxin export category-roles`.
enum CatalogueCommands {
    struct Import: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(
                name: "file",
                help: "CSV with columns code,name[,parent_code,roles,keywords,aliases,sla_policy,tier,public,active_from,active_to,active];"
                    + " the word `default` loads the catalogue shipped with Lianxin.")
            var file: String
        }

        var help: String { "Loads the dispatch catalogue (派单目录); the whole file or nothing, with every bad row listed." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let path =
                signature.file == "default"
                ? (app.lianxin.settings.resourcesDirectory as NSString).appendingPathComponent(CatalogueCSV.defaultFile) : signature.file
            let text = try importText(path)
            let report = try await reportingProblems(context) { try await CatalogueImporter(application: app).importCSV(text) }
            context.console.print("categories: \(report.added) added, \(report.updated) changed, \(report.unchanged) unchanged")
        }
    }

    struct Export: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "out", help: "Output file (default: standard output).") var out: String?
        }

        var help: String { "Exports the dispatch catalogue in the import format (UTF-8 with BOM; audited)." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let categories = try await Category.query(on: app.db).all()
            try await write(CatalogueCSV.export(categories), rows: categories.count, what: "categories", to: signature.out, context)
        }
    }

    struct ImportRoles: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "file", help: "CSV with columns division_code,role,unit_code (a blank unit removes the mapping).") var file: String
        }

        var help: String { "Maps the catalogue's department roles to each division's units; the whole file or nothing." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            guard let text = try? String(contentsOfFile: signature.file, encoding: .utf8) else {
                throw CommandFailure("cannot read \(signature.file) as UTF-8 text")
            }
            do {
                let count = try await RoleMapping.importCSV(text, application: app)
                context.console.print("category roles: \(count) mappings written")
            } catch let problem as Problem {
                for error in problem.errors { context.console.error("\(error.field): \(error.message)") }
                throw CommandFailure(problem.detail)
            }
        }
    }

    struct ExportRoles: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "out", help: "Output file (default: standard output).") var out: String?
        }

        var help: String { "Exports the role → unit mapping per division in the import format." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let text = try await RoleMapping.export(on: app.db)
            try await write(text, rows: text.split(separator: "\n").count - 1, what: "category-roles", to: signature.out, context)
        }
    }

    static func write(_ text: String, rows: Int, what: String, to out: String?, _ context: CommandContext) async throws {
        let app = context.application
        try await AuditLog.record(
            .exported, result: .success, actor: .commandLine, target: what, detail: "\(rows) rows to \(out ?? "stdout")",
            at: app.lianxin.now(), on: app.db)
        if let path = out {
            do { try DataFiles.save(Data(text.utf8), to: path) } catch { throw CommandFailure("cannot write \(path)") }
            context.console.print("exported \(rows) \(what) rows to \(path)")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
