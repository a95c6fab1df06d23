import Foundation
import Testing
import Vapor
import Fluent
import SQLKit
import LianxinCore
@testable import LianxinServer

@Suite("Backup and restore (#17)")
struct BackupRestoreTests {
    @Test func item17_backupRestoresIntoAnEmptyDatabaseWithEveryRowAndFile() async throws {
        let path = temporaryBackupPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let photo = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        var source: [String: Int] = [:]
        var orderNumber = ""
        try await withLianxin(demo: true) { app, _ in
            let order = try await WorkOrderQueriesTests.fileOrder(app)
            orderNumber = order.number
            try await app.lianxin.files.put(photo, key: "backuptestphoto01", on: app.db)
            let result = try await BackupService(app: app).backup(to: path)
            source = try await DatabaseSnapshot(sql: app.db.sql, schema: nil).rowCounts()
            #expect(result.manifest.tables == source, "the manifest counts the copy, which is the database when it was taken")
            #expect(result.manifest.engine == (TestDatabase.isPostgres ? "postgresql" : "sqlite"))
            #expect(result.manifest.migrations.count == MigrationHistory.all.count)
            #expect(result.manifest.keyIDsInUse == ["k0"])
            #expect(result.manifest.entries.contains { $0.name.hasSuffix("backuptestphoto01") && $0.size == 5000 })
            #expect((try await auditActions(app)).contains { $0.action == "backup.create" } == false, "the service itself does not audit")
            // A second backup to the same name is refused rather than overwriting the first.
            await #expect(throws: CommandFailure.self) { _ = try await BackupService(app: app).backup(to: path) }
        }
        #expect(source["work_orders"] ?? 0 >= 1)
        try await withEmptyTarget { app, dataDirectory in
            let outcome = try await RestoreService(app: app).restore(from: path)
            #expect(outcome.verdict.isOK, "\(outcome.verdict.lines)")
            #expect(outcome.verdict.differences.isEmpty)
            #expect(outcome.missingKeyIDs.isEmpty)
            #expect(outcome.filesRestored == 1)
            #expect(try await DatabaseSnapshot(sql: app.db.sql, schema: nil).rowCounts() == source)
            #expect(try await WorkOrder.query(on: app.db).filter(\.$number == orderNumber).count() == 1)
            #expect(try await app.lianxin.files.get("backuptestphoto01", on: app.db) == photo)
            #expect(try await RestoreService(app: app).integrityProblems().isEmpty)
            // The restored database is a working one: the migrator finds nothing left to do.
            #expect(try await app.migrator.previewPrepareBatch().get().isEmpty)
            #expect(dataDirectory.isEmpty == false)
        }
    }

    @Test func item17_restoreRefusesADatabaseThatIsNotEmpty() async throws {
        let path = temporaryBackupPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withLianxin(demo: true) { app, _ in
            _ = try await BackupService(app: app).backup(to: path)
            let users = try await count("users", app)
            let error = await #expect(throws: CommandFailure.self) { _ = try await RestoreService(app: app).restore(from: path) }
            #expect(error?.description.contains("restore needs an empty database") == true)
            #expect(error?.description.contains("Nothing was changed") == true)
            #expect(try await count("users", app) == users)
        }
    }

    @Test func item17_aDamagedBackupIsRefusedBeforeAnythingIsWritten() async throws {
        let path = temporaryBackupPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withLianxin(demo: true) { app, _ in
            _ = try await BackupService(app: app).backup(to: path)
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        try await withEmptyTarget { app, _ in
            await #expect(throws: (any Error).self) { _ = try await RestoreService(app: app).restore(from: path) }
            let tables = try await DatabaseSnapshot(sql: app.db.sql, schema: nil).tables()
            #expect(tables.isEmpty, "nothing was written")
        }
        try Data("not a backup".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: BackupProblem.notABackup) { _ = try BackupArchive.manifest(of: path) }
    }

    @Test func item17_scheduledBackupsTakeOnePerIntervalAndKeepTheNewest() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lianxin-backups-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = TestClock()
        try await withLianxin(
            clock: clock, demo: true, settings: ["LIANXIN_BACKUP_DIR": folder, "LIANXIN_BACKUP_INTERVAL": "1h", "LIANXIN_BACKUP_KEEP": "2"]
        ) {
            app, _ in
            try await OperationsJobs.scheduledBackup(app)
            try await OperationsJobs.scheduledBackup(app)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1, "one backup per interval")
            for _ in 0..<2 {
                clock.advance(3600)
                try await OperationsJobs.scheduledBackup(app)
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            #expect(names.count == 2, "only the newest two are kept: \(names)")
            #expect(names.last == BackupSchedule.fileName(at: clock.now))
            #expect(try await BackupRun.query(on: app.db).filter(\.$status == "done").count() == 3)
            #expect(try BackupArchive.manifest(of: "\(folder)/\(names[0])").tables["users"] == DemoSeeder.accounts.count)
            #expect((try await auditActions(app)).filter { $0.action == "backup.create" }.count == 3)
        }
    }

    @Test func item17_backupSettingsAreCheckedAtStart() throws {
        func load(_ extra: [String: String]) throws -> LianxinSettings {
            try LianxinSettings.load(from: TestDatabase.environment(dataDirectory: "/tmp/lianxin-settings").merging(extra) { $1 }).settings
        }
        #expect(try load([:]).operations.backupDirectory == nil)
        #expect(try load(["LIANXIN_BACKUP_INTERVAL": "6h"]).operations.backupInterval == 21_600)
        #expect(throws: LianxinSettings.Problem.self) { try load(["LIANXIN_BACKUP_INTERVAL": "1m"]) }
        #expect(throws: LianxinSettings.Problem.self) { try load(["LIANXIN_BACKUP_KEEP": "0"]) }
    }
}
