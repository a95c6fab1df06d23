import Foundation
import Vapor
import LianxinCore

/// `lianxin backup --out FILE`: a consistent copy of the database and the uploaded files, taken while
/// servers serve.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "The backup file to write (a new file), e.g. /backup/lianxin-20261207.lxbackup.")
        var out: String?
    }

    var help: String {
        "Writes one backup file: the database (SQLite: VACUUM INTO; PostgreSQL: pg_dump), DATA_DIR/files and a manifest, while servers serve."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let out = signature.out, !out.isEmpty else { throw CommandFailure("--out FILE is required") }
        let app = context.application
        let path = out.hasPrefix("/") ? out : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(out)
        let started = Date()
        let result = try await BackupService(app: app).backup(to: path)
        for line in OperationsReport.backup(result, seconds: Date().timeIntervalSince(started)) { context.console.print(line) }
        await OperationsReport.auditBackup(result, app: app, actor: .commandLine)
    }
}

/// `lianxin restore FILE`: a backup into an empty database, then its verification.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The backup file written by `lianxin backup`.")
        var file: String
    }

    var help: String {
        "Restores a backup into an empty database (refusing any other) and DATA_DIR/files, then checks rows per table against the manifest and the database's integrity."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let outcome = try await RestoreService(app: app).restore(from: signature.file)
        let manifest = outcome.manifest
        context.console.print(
            "restored \(manifest.engine) backup of \(manifest.createdAtBeijing) (Beijing time), \(manifest.migrations.count) migrations, \(outcome.filesRestored) files"
        )
        if !outcome.missingKeyIDs.isEmpty {
            context.console.warning(
                "warning: the backup's encrypted fields use key ids \(outcome.missingKeyIDs.joined(separator: ", ")), which the current keyring does not hold: phones and ID numbers under them cannot be read until those keys are added (LIANXIN_PREVIOUS_SECRET_KEYS or LIANXIN_SECRET_KEY_FILE)"
            )
        }
        for line in outcome.verdict.lines { context.console.print(line) }
        do {
            try await AuditLog.record(
                .backupRestored, result: outcome.verdict.isOK ? .success : .failure, actor: .commandLine, target: signature.file,
                detail: outcome.verdict.lines.last, at: app.lianxin.now(), on: app.db)
        } catch {
            context.console.warning("warning: the restore could not be audited: \(error)")
        }
        guard outcome.verdict.isOK else { throw CommandFailure("the restored database does not match the backup (see above)") }
    }
}

/// `lianxin retention run [--dry-run]`: anonymises the personal data whose retention has run out.
struct RetentionCommand: AsyncCommandGroup {
    var help: String { "Personal-data retention (PIPL): anonymises what is due under the LIANXIN_RETENTION_* settings." }
    var commands: [String: any AnyAsyncCommand] { ["run": Run()] }

    struct Run: AsyncCommand {
        struct Signature: CommandSignature {
            @Flag(name: "dry-run", help: "Only count what is due; change nothing.")
            var dryRun: Bool
        }

        var help: String {
            "Anonymises requesters of orders closed longer ago than LIANXIN_RETENTION_REQUESTER_YEARS and tenants gone longer than LIANXIN_RETENTION_TENANCY_MONTHS; records each in the retention ledger and the run in the audit log."
        }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let policy = app.lianxin.settings.operations.retention
            context.console.print(
                "retention: requester data \(policy.requesterYears) years after closing, tenancies \(policy.tenancyMonths) months after check-out, audit at least \(policy.auditDays) days"
            )
            for line in try await RetentionService(app: app).run(dryRun: signature.dryRun).lines { context.console.print(line) }
        }
    }
}

/// What the operations commands and jobs print and audit.
enum OperationsReport {
    static func backup(_ result: BackupService.Result, seconds: TimeInterval) -> [String] {
        let manifest = result.manifest
        let rows = manifest.tables.values.reduce(0, +)
        let files = manifest.entries.filter { $0.name.hasPrefix("files/") }.count
        return [
            "backup written: \(result.path) (\(result.bytes) bytes, \(String(format: "%.1f", seconds)) s)",
            "  \(manifest.engine) by \(manifest.method) at \(manifest.createdAtBeijing) Beijing time: \(manifest.tables.count) tables, \(rows) rows, \(manifest.migrations.count) migrations, \(files) files",
            "  encrypted-field key ids in use: \(manifest.keyIDsInUse.isEmpty ? "none" : manifest.keyIDsInUse.joined(separator: ", "))",
        ]
    }

    static func auditBackup(_ result: BackupService.Result, app: Application, actor: AuditActor) async {
        do {
            try await AuditLog.record(
                .backupTaken, result: .success, actor: actor, target: result.path,
                detail: "\(result.manifest.tables.values.reduce(0, +)) rows, \(result.bytes) bytes", at: app.lianxin.now(), on: app.db)
        } catch {
            app.logger.warning("the backup could not be audited: \(error)")
        }
    }
}
