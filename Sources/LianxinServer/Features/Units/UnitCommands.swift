import Vapor
import Fluent
import LianxinCore

/// `lianxin import departments FILE.csv` and `lianxin export departments`.
enum UnitCommands {
    struct Import: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(
                name: "file",
                help: "CSV with columns code,name,division_code[,short_name,level,parent_code,liaisons (name:phone;…),duty_phone,"
                    + "categories (code;…),active_from,active_to,active].")
            var file: String
        }

        var help: String { "Loads handling units (承办单位); the whole file or nothing, with every bad row listed." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let text = try importText(signature.file)
            let report = try await reportingProblems(context) { try await UnitImporter(application: app).importCSV(text) }
            context.console.print("departments: \(report.added) added, \(report.updated) updated")
        }
    }

    struct Export: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "out", help: "Output file (default: standard output).") var out: String?
            @Option(name: "division", help: "Only units in this division's subtree (default: all).") var division: String?
        }

        var help: String { "Exports the handling units in the import format (UTF-8 with BOM; liaison phones in full; audited)." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let query = Department.query(on: app.db).sort(\.$code)
            if let raw = signature.division {
                guard let division = DivisionCode(raw) else { throw CommandFailure("\(raw) is not a division code") }
                _ = query.within(\.$divisionCode, division)
            }
            let units = try await query.all()
            let text = try await UnitCSV.export(units, on: app.db, cipher: app.lianxin.cipher)
            try await AuditLog.record(
                .exported, result: .success, actor: .commandLine, target: "departments",
                detail: "\(units.count) rows to \(signature.out ?? "stdout")", at: app.lianxin.now(), on: app.db)
            if let path = signature.out {
                do { try DataFiles.save(Data(text.utf8), to: path) } catch { throw CommandFailure("cannot write \(path)") }
                context.console.print("exported \(units.count) departments rows to \(path)")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
