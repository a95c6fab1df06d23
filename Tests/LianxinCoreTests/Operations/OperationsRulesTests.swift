import Foundation
import Testing
@testable import LianxinCore

@Suite("Backups and retention: the rules")
struct OperationsRulesTests {
    @Test func backupIntervalsReadAsPeopleWriteThemAndTooShortOnesAreRefused() {
        #expect(BackupSchedule.interval(parsing: "30m") == 1800)
        #expect(BackupSchedule.interval(parsing: "6h") == 21_600)
        #expect(BackupSchedule.interval(parsing: "1d") == 86_400)
        #expect(BackupSchedule.interval(parsing: "3600") == 3600)
        #expect(BackupSchedule.interval(parsing: "5m") == nil, "shorter than 15 minutes")
        #expect(BackupSchedule.interval(parsing: "daily") == nil)
        #expect(BackupSchedule.interval(parsing: "") == nil)
    }

    @Test func oneSlotPerIntervalAndFileNamesInBeijingTime() {
        let nine = Date(timeIntervalSince1970: 1_796_605_200)  // 2026-12-07 01:00 UTC = 09:00 Beijing
        #expect(BackupSchedule.slot(of: nine, interval: 86_400) == BackupSchedule.slot(of: nine.addingTimeInterval(3600), interval: 86_400))
        #expect(BackupSchedule.slot(of: nine, interval: 3600) != BackupSchedule.slot(of: nine.addingTimeInterval(3600), interval: 3600))
        #expect(BackupSchedule.fileName(at: nine) == "lianxin-20261207-090000.lxbackup")
        #expect(BeijingClock.text(nine) == "2026-12-07 09:00:00")
    }

    @Test func rotationKeepsTheNewestAndNeverTouchesOtherFiles() {
        let files = [
            "lianxin-20261201-090000.lxbackup", "lianxin-20261203-090000.lxbackup", "notes.txt", "lianxin-20261202-090000.lxbackup",
            "manual.lxbackup", "lianxin-20261204-090000.lxbackup.part-1234",
        ]
        #expect(BackupSchedule.expired(files, keep: 2) == ["lianxin-20261201-090000.lxbackup"])
        #expect(BackupSchedule.expired(files, keep: 0) == ["lianxin-20261202-090000.lxbackup", "lianxin-20261201-090000.lxbackup"])
    }

    @Test func auditRetentionUnder180DaysIsRefused() throws {
        #expect(throws: RetentionPolicy.Problem.auditTooShort(179)) { try RetentionPolicy(auditDays: 179) }
        #expect(throws: RetentionPolicy.Problem.self) { try RetentionPolicy(requesterYears: 0) }
        let policy = try RetentionPolicy(requesterYears: 2, tenancyMonths: 6, auditDays: 365)
        #expect(policy.auditDays == 365)
        #expect(RetentionPolicy.standard == (try RetentionPolicy()))
    }

    @Test func retentionCutoffsCountYearsAndMonthsInBeijingDays() throws {
        let policy = try RetentionPolicy(requesterYears: 3, tenancyMonths: 6, auditDays: 180)
        let now = Date(timeIntervalSince1970: 1_796_605_200)  // 2026-12-07 09:00 Beijing
        #expect(BeijingClock.text(policy.requesterCutoff(now: now)) == "2023-12-07 09:00:00")
        #expect(policy.tenancyCutoffDay(now: now) == "2026-06-07")
        #expect(now.timeIntervalSince(policy.auditKeptSince(now: now)) == 180 * 86_400)
    }

    @Test func theVerdictNamesEveryTableWhoseRowsDiffer() {
        let ok = RestoreVerdict(manifest: ["users": 3, "work_orders": 10], found: ["users": 3, "work_orders": 10], integrity: [])
        #expect(ok.isOK)
        #expect(ok.lines.last?.contains("2 tables, 13 rows") == true)
        let bad = RestoreVerdict(manifest: ["users": 3, "work_orders": 10], found: ["users": 3, "work_orders": 9, "extra": 1], integrity: [])
        #expect(!bad.isOK)
        #expect(bad.differences.map(\.table) == ["extra", "work_orders"])
        #expect(!RestoreVerdict(manifest: [:], found: [:], integrity: ["row 3 missing from index"]).isOK)
    }

    @Test func keyIDsMissingFromTheKeyringAreNamed() {
        let manifest = BackupManifest(
            engine: "sqlite", method: "VACUUM INTO", createdAt: Date(timeIntervalSince1970: 0), migrations: ["A"],
            keyIDsByColumn: ["residents.phone_cipher": ["k0": 3, "k1": 2], "tenancies.phone_cipher": ["legacy": 1, "k2": 0]],
            tables: ["residents": 5], entries: [])
        #expect(manifest.keyIDsInUse == ["k0", "k1", "legacy"])
        #expect(manifest.keyIDsMissing(from: ["k0"]) == ["k1"])
        #expect(manifest.keyIDsMissing(from: ["k0", "k1"]).isEmpty)
        #expect(manifest.createdAtBeijing == "1970-01-01 08:00:00")
    }

    @Test func aManifestOfAnotherFormatIsRefused() throws {
        var manifest = BackupManifest(
            engine: "sqlite", method: "VACUUM INTO", createdAt: Date(), migrations: [], keyIDsByColumn: [:], tables: [:], entries: [])
        #expect(try BackupManifest.decode(try manifest.encoded()) == manifest)
        manifest.format = "lianxin-backup/99"
        #expect(throws: BackupProblem.unknownFormat("lianxin-backup/99")) { try BackupManifest.decode(try manifest.encoded()) }
    }
}
