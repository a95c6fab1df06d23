import Vapor
import Fluent
import LianxinCore

/// `lianxin import residents FILE.csv`: the whole file or nothing, with progress on the console.
struct ImportResidentsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "file",
            help:
                "CSV (UTF-8) with columns grid_code,building,door,name,id_number and optionally community_code, building_kind, household_tags, phone, relation, tags, registration_division, residence_type."
        )
        var file: String
    }

    var help: String { "Loads residents (with their buildings and households); the whole file or nothing, with every problem listed." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        let started = Date()
        guard let data = FileManager.default.contents(atPath: signature.file), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("cannot read \(signature.file) as UTF-8 text")
        }
        let console = context.console
        do {
            let report = try await ResidentImporter(app: app).importCSV(text, scope: nil, actor: .commandLine) { progress in
                let seconds = max(Date().timeIntervalSince(started), 0.001)
                console.print("\(progress.phase.rawValue): \(progress.done)/\(progress.total) rows, \(Int(Double(progress.done) / seconds)) rows/s")
            }
            let seconds = max(Date().timeIntervalSince(started), 0.001)
            console.print(
                "residents: \(report.residents) added (\(report.households) new households, \(report.buildings) new buildings) in \(String(format: "%.1f", seconds)) s, \(Int(Double(report.residents) / seconds)) rows/s"
            )
        } catch let problem as Problem {
            for error in problem.errors { console.error("\(error.field): \(error.message)") }
            throw CommandFailure(problem.detail)
        }
    }
}

/// `lianxin export residents`: masked unless `--unmasked --reason …`; audited.
struct ExportResidentsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "Output file (default: standard output).") var out: String?
        @Option(name: "division", help: "Only residents under this division code (default: all).") var division: String?
        @Flag(name: "unmasked", help: "Write full ID numbers and phones (needs --reason; audited).") var unmasked: Bool
        @Option(name: "reason", help: "Why the full numbers are needed (2–200 characters).") var reason: String?
    }

    var help: String { "Exports residents as CSV (the import's columns), ID numbers and phones masked by default." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        var reason: String?
        if signature.unmasked {
            do { reason = try UnmaskReason.checked(signature.reason) } catch {
                throw CommandFailure("--unmasked needs --reason (2–200 characters)")
            }
        }
        var query = Resident.query(on: app.db)
        if let division = signature.division {
            guard let code = DivisionCode(division) else { throw CommandFailure("\(division) is not a division code") }
            query = query.within(\.$communityCode, code)
        }
        let rows = try await query.sort(\.$communityCode).sort(\.$gridCode).sort(\.$name).sort(\.$id).all()
        let text = try await ResidentExport.csv(rows, unmasked: signature.unmasked, cipher: app.lianxin.cipher, on: app.db)
        try await AuditLog.record(
            .exported, result: .success, actor: .commandLine, target: "residents",
            detail: "\(rows.count) rows to \(signature.out ?? "stdout"), \(reason.map { "unmasked: \($0)" } ?? "masked")",
            at: app.lianxin.now(), on: app.db)
        if let path = signature.out {
            do { try DataFiles.save(Data(text.utf8), to: path) } catch { throw CommandFailure("cannot write \(path)") }
            context.console.print("exported \(rows.count) residents to \(path)")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
