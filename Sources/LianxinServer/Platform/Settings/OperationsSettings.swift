import Foundation
import LianxinCore

/// Settings of backups and of personal-data retention (#17): where and how often the server takes
/// backups and how many it keeps, and how long personal data is kept before it is anonymised.
public struct OperationsSettings: Sendable, Equatable {
    /// The folder of scheduled backups; none: no scheduled backups.
    public var backupDirectory: String?
    /// Seconds between scheduled backups.
    public var backupInterval: TimeInterval = 86_400
    /// Scheduled backups kept in the folder (older ones are deleted).
    public var backupKeep = 7
    /// How long personal data is kept.
    public var retention = RetentionPolicy.standard
    /// Whether `serve` anonymises what is due, once every hour.
    public var retentionJob = true

    public init() {}

    public static let documented: [LianxinSettings.Documented] = [
        .init(
            variable: "LIANXIN_BACKUP_DIR", defaultValue: "(none)",
            meaning: "folder of scheduled backups taken by `serve` (none: no scheduled backups; `lianxin backup --out FILE` works anyway)"),
        .init(
            variable: "LIANXIN_BACKUP_INTERVAL", defaultValue: "1d",
            meaning:
                "time between scheduled backups: `30m`, `6h`, `1d` (at least 15 minutes); one backup per interval whatever the number of instances"),
        .init(variable: "LIANXIN_BACKUP_KEEP", defaultValue: "7", meaning: "scheduled backups kept in the folder (1–1000); older ones are deleted"),
        .init(
            variable: "LIANXIN_RETENTION_REQUESTER_YEARS", defaultValue: "3",
            meaning:
                "years after an order is closed or cancelled before its requester's name, phone and the personal parts of its text are anonymised (1–100)"
        ),
        .init(
            variable: "LIANXIN_RETENTION_TENANCY_MONTHS", defaultValue: "12",
            meaning: "months after a tenant moves out before the tenancy's name, ID number, phone and birth date are anonymised (1–1200)"),
        .init(
            variable: "LIANXIN_RETENTION_AUDIT_DAYS", defaultValue: "180",
            meaning:
                "days audit entries are kept at least; less than 180 is refused (网络安全法 art. 21). The log is a hash chain and is never pruned by Lianxin"
        ),
        .init(
            variable: "LIANXIN_RETENTION_JOB", defaultValue: "true",
            meaning: "`serve` anonymises what is due once an hour (`lianxin retention run` does it by hand)"),
    ]

    /// Reads the settings through `value` (the environment, trimmed, nil when empty).
    static func load(_ value: (String) -> String?, workingDirectory: String) throws -> OperationsSettings {
        var settings = OperationsSettings()
        func int(_ name: String, _ range: ClosedRange<Int>, _ fallback: Int) throws -> Int {
            guard let text = value(name) else { return fallback }
            guard let number = Int(text), range.contains(number) else {
                throw LianxinSettings.Problem.invalid(
                    variable: name, value: text, reason: "expected a whole number in \(range.lowerBound)…\(range.upperBound)")
            }
            return number
        }
        if let folder = value("LIANXIN_BACKUP_DIR") {
            settings.backupDirectory = folder.hasPrefix("/") ? folder : (workingDirectory as NSString).appendingPathComponent(folder)
        }
        if let text = value("LIANXIN_BACKUP_INTERVAL") {
            guard let interval = BackupSchedule.interval(parsing: text) else {
                throw LianxinSettings.Problem.invalid(
                    variable: "LIANXIN_BACKUP_INTERVAL", value: text, reason: "expected a duration such as 30m, 6h or 1d, at least 15 minutes")
            }
            settings.backupInterval = interval
        }
        settings.backupKeep = try int("LIANXIN_BACKUP_KEEP", 1...1000, settings.backupKeep)
        let auditDays = try int("LIANXIN_RETENTION_AUDIT_DAYS", 1...36_500, 180)
        let requesterYears = try int("LIANXIN_RETENTION_REQUESTER_YEARS", 1...100, 3)
        let tenancyMonths = try int("LIANXIN_RETENTION_TENANCY_MONTHS", 1...1200, 12)
        do throws(RetentionPolicy.Problem) {
            settings.retention = try RetentionPolicy(requesterYears: requesterYears, tenancyMonths: tenancyMonths, auditDays: auditDays)
        } catch {
            throw LianxinSettings.Problem.invalid(variable: "LIANXIN_RETENTION_AUDIT_DAYS", value: String(auditDays), reason: error.description)
        }
        if let text = value("LIANXIN_RETENTION_JOB") {
            switch text.lowercased() {
            case "1", "true", "yes", "on": settings.retentionJob = true
            case "0", "false", "no", "off": settings.retentionJob = false
            default: throw LianxinSettings.Problem.invalid(variable: "LIANXIN_RETENTION_JOB", value: text, reason: "expected true or false")
            }
        }
        return settings
    }
}
