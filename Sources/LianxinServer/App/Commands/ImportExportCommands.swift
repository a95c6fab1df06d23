import Vapor
import Fluent
import LianxinCore

/// `lianxin import divisions FILE.csv`.
struct ImportCommands: AsyncCommandGroup {
    var help: String { "Imports data files: divisions and residents (CSV), grids (GeoJSON); all or nothing, with a validation report." }
    /// What the features add to `lianxin import`.
    var commands: [String: any AnyAsyncCommand] = [:]

    struct Grids: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(
                name: "file", help: "GeoJSON FeatureCollection of Polygon/MultiPolygon grids with properties code, name, parent (community code).")
            var file: String
            @Flag(name: "gcj02", help: "The file's coordinates are GCJ-02 (Chinese map services); they are converted to WGS84.") var gcj02: Bool
            @Flag(name: "replace", help: "Retire grids in force in the file's communities that the file leaves out.") var replace: Bool
            @Option(name: "communities", help: "GeoJSON of community boundaries (code = community code): grids must lie inside them.")
            var communities: String?
        }

        var help: String { "Loads grids; the whole file or nothing, with every problem listed." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            guard let data = FileManager.default.contents(atPath: signature.file) else { throw CommandFailure("cannot read \(signature.file)") }
            var bounds: [String: AreaGeometry] = [:]
            if let path = signature.communities {
                guard let boundaries = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
                do {
                    for feature in try GeoJSONReader().read(boundaries) { bounds[feature.code] = feature.geometry }
                } catch {
                    throw CommandFailure("\(path): \(error.englishMessage)")
                }
            }
            do {
                let report = try await GridImporter(app: app).importGeoJSON(
                    data, coordinates: signature.gcj02 ? .gcj02 : .wgs84, replace: signature.replace, communityBounds: bounds, within: nil,
                    actor: .commandLine)
                context.console.print(
                    "grids: \(report.added) added, \(report.changed) changed (new version), \(report.unchanged) unchanged, \(report.retired) retired")
            } catch let problem as Problem {
                for error in problem.errors { context.console.error("\(error.field): \(error.message)") }
                throw CommandFailure(problem.errors.isEmpty ? problem.detail : "\(problem.detail); nothing was written")
            }
        }
    }

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
    var help: String { "Exports divisions, residents and the audit log as CSV (UTF-8 with BOM, opens in Excel), grids as GeoJSON; audited." }
    /// What the features add to `lianxin export`.
    var commands: [String: any AnyAsyncCommand] = [:]

    struct Grids: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "out", help: "Output file (default: standard output).") var out: String?
            @Option(name: "division", help: "Only grids under this division code (default: all).") var division: String?
            @Flag(name: "gcj02", help: "Write GCJ-02 coordinates instead of WGS84.") var gcj02: Bool
        }

        var help: String { "Exports the grids in force as GeoJSON (the import format)." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let (data, count) = try await GridImporter(app: app).export(
                under: signature.division ?? "", coordinates: signature.gcj02 ? .gcj02 : .wgs84)
            try await write(String(decoding: data, as: UTF8.self), to: signature.out, what: "grids", count: count, context: context)
        }
    }

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
                text += CSVWriter.line([
                    row.id ?? "", row.level, row.name, row.parentCode ?? "",
                    row.validFrom.map(ISODay.format) ?? "", row.validTo.map(ISODay.format) ?? "",
                ])
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
            let rows = try await AuditEntry.query(on: app.db).sort(\.$seq).sort(\.$at).sort(\.$id).all()
            var text =
                CSVWriter.byteOrderMark
                + CSVWriter.line([
                    "seq", "at", "action", "result", "actor", "role", "division", "record_division", "target", "ip", "request_id", "detail", "hash",
                ])
            for row in rows {
                text += CSVWriter.line([
                    row.seq.map(String.init) ?? "", ISOTimestamp.format(row.at), row.action, row.result, row.actorName,
                    row.actorRole ?? "", row.divisionCode ?? "", row.recordDivision ?? "", row.target ?? "", row.ip ?? "",
                    row.requestID ?? "", row.detail ?? "", row.hash ?? "",
                ])
            }
            try await write(text, to: signature.out, what: "audit", count: rows.count, context: context)
        }
    }
}

private func write(_ text: String, to path: String?, what: String, count: Int, context: CommandContext) async throws {
    let app = context.application
    try await AuditLog.record(
        .exported, result: .success, actor: .commandLine, target: what,
        detail: "\(count) rows to \(path ?? "stdout")", at: app.lianxin.now(), on: app.db)
    if let path {
        do { try DataFiles.save(Data(text.utf8), to: path) } catch { throw CommandFailure("cannot write \(path)") }
        context.console.print("exported \(count) \(what) rows to \(path)")
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// The text of the file an import command reads, or a clear failure.
func importText(_ path: String) throws -> String {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CommandFailure("cannot read \(path) as UTF-8 text") }
    return text
}

/// Runs an import; a refusal prints each problem with its field on the console and fails with the refusal's detail.
func reportingProblems<T>(_ context: CommandContext, _ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch let problem as Problem {
        for error in problem.errors { context.console.error("\(error.field): \(error.message)") }
        throw CommandFailure(problem.detail, problems: problem.errors)
    }
}
