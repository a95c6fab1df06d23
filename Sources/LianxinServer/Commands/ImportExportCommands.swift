import Vapor
import Fluent
import LianxinCore

/// `lianxin import divisions FILE.csv`.
struct ImportCommands: AsyncCommandGroup {
    var help: String { "Imports data files (divisions; later: grids, residents, categories)." }
    var commands: [String: any AnyAsyncCommand] { ["divisions": Divisions()] }

    struct Divisions: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "file", help: "CSV with columns code,name[,level][,parent_code|parent][,valid_from][,valid_to].")
            var file: String
        }

        var help: String { "Loads administrative divisions; the whole file or nothing, with a validation report." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            guard let text = try? String(contentsOfFile: signature.file, encoding: .utf8) else {
                throw CommandFailure("cannot read \(signature.file) as UTF-8 text")
            }
            let report = try await DivisionImporter(database: app.db).importCSV(text, actor: .commandLine, now: app.lianxin.now())
            context.console.print("divisions: \(report.inserted) inserted, \(report.updated) updated, \(report.unchanged) unchanged")
        }
    }
}

/// `lianxin export divisions|audit`: CSV (UTF-8 with BOM) to a file or standard output; audited.
struct ExportCommands: AsyncCommandGroup {
    var help: String { "Exports data as CSV (UTF-8 with BOM, opens in Excel)." }
    var commands: [String: any AnyAsyncCommand] { ["divisions": Divisions(), "audit": Audit()] }

    struct Divisions: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "out", help: "Output file (default: standard output).") var out: String?
        }

        var help: String { "Exports the division tree in the import format." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let rows = try await Division.query(on: app.db).sort(\.$id).all()
            var text = CSVWriter.byteOrderMark + CSVWriter.line(["code", "level", "name", "parent_code", "valid_from", "valid_to"])
            for row in rows {
                text += CSVWriter.line([row.id ?? "", row.level, row.name, row.parentCode ?? "",
                                        row.validFrom.map(ISODay.format) ?? "", row.validTo.map(ISODay.format) ?? ""])
            }
            try await write(text, to: signature.out, what: "divisions", count: rows.count, context: context)
        }
    }

    struct Audit: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "out", help: "Output file (default: standard output).") var out: String?
        }

        var help: String { "Exports the audit log (for the auditor's archive)." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let rows = try await AuditEntry.query(on: app.db).sort(\.$at).sort(\.$id).all()
            var text = CSVWriter.byteOrderMark
                + CSVWriter.line(["at", "action", "result", "actor", "role", "division", "target", "ip", "request_id", "detail"])
            for row in rows {
                text += CSVWriter.line([ISOTimestamp.format(row.at), row.action, row.result, row.actorName,
                                        row.actorRole ?? "", row.divisionCode ?? "", row.target ?? "", row.ip ?? "",
                                        row.requestID ?? "", row.detail ?? ""])
            }
            try await write(text, to: signature.out, what: "audit", count: rows.count, context: context)
        }
    }
}

private func write(_ text: String, to path: String?, what: String, count: Int, context: CommandContext) async throws {
    let app = context.application
    try await AuditLog.record(.exported, result: .success, actor: .commandLine, target: what,
                              detail: "\(count) rows to \(path ?? "stdout")", at: app.lianxin.now(), on: app.db)
    if let path {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw CommandFailure("cannot write \(path)")
        }
        context.console.print("exported \(count) \(what) rows to \(path)")
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

extension Application {
    /// Registers Lianxin's subcommands beside Vapor's own.
    public func registerLianxinCommands() {
        if let serve = asyncCommands.commands["serve"] {
            asyncCommands.use(LianxinServeCommand(serve: serve, application: self), as: "serve", isDefault: true)
        }
        asyncCommands.use(MigrateCommand(), as: "migrate")
        asyncCommands.use(DemoCommand(), as: "demo")
        asyncCommands.use(UserCommands(), as: "user")
        asyncCommands.use(ImportCommands(), as: "import")
        asyncCommands.use(ExportCommands(), as: "export")
        asyncCommands.use(WebhookCommands(), as: "webhook")
        asyncCommands.use(Open311Commands(), as: "open311")
        asyncCommands.use(TrainCommand(), as: "train")
        asyncCommands.use(ClassifierCommands(), as: "classifier")
        asyncCommands.use(HotspotsCommand(), as: "hotspots")
    }
}
