import Foundation
import Vapor
import Fluent
import LianxinCore

/// The background work of operations: scheduled backups and retention.
enum OperationsJobs {
    static let system = AuditActor(id: nil, name: "system:operations", role: nil, division: nil)

    /// Takes this interval's backup unless another instance has claimed it, then deletes the
    /// scheduled backups beyond `LIANXIN_BACKUP_KEEP`.
    static func scheduledBackup(_ app: Application) async throws {
        let settings = app.lianxin.settings.operations
        guard let folder = settings.backupDirectory else { return }
        let now = app.lianxin.now()
        let slot = BackupSchedule.slot(of: now, interval: settings.backupInterval)
        guard try await BackupRun.query(on: app.db).filter(\.$slot == slot).count() == 0 else { return }
        let run = BackupRun()
        run.slot = slot
        run.startedAt = now
        run.status = "running"
        do {
            try await app.lianxin.writes.run { try await run.create(on: app.db) }
        } catch {
            return  // another instance claimed this interval first
        }
        let path = (folder as NSString).appendingPathComponent(BackupSchedule.fileName(at: now))
        do {
            let result = try await BackupService(app: app).backup(to: path)
            run.finishedAt = app.lianxin.now()
            run.file = path
            run.bytes = result.bytes
            run.status = "done"
            try await app.lianxin.writes.run { try await run.update(on: app.db) }
            await OperationsReport.auditBackup(result, app: app, actor: system)
            app.logger.info("scheduled backup written", metadata: ["file": .string(path), "bytes": "\(result.bytes)"])
        } catch {
            run.status = "failed"
            run.detail = String(describing: error)
            try? await app.lianxin.writes.run { try await run.update(on: app.db) }
            throw error
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in BackupSchedule.expired(names, keep: settings.backupKeep) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    static func retention(_ app: Application) async throws {
        guard app.lianxin.settings.operations.retentionJob else { return }
        let report = try await RetentionService(app: app).run(dryRun: false, actor: system)
        if report.orders + report.tenancies > 0 {
            app.logger.info("retention anonymised", metadata: ["orders": "\(report.orders)", "tenancies": "\(report.tenancies)"])
        }
    }
}
