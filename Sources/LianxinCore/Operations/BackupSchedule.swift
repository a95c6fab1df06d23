import Foundation

/// When scheduled backups run and which old ones go: the rules of `LIANXIN_BACKUP_INTERVAL` and
/// `LIANXIN_BACKUP_KEEP`.
public enum BackupSchedule {
    /// The shortest interval allowed: a copy every few minutes would only load the server.
    public static let shortestInterval: TimeInterval = 15 * 60

    /// Reads `30m`, `6h`, `1d` or a number of seconds; nil when it is not one of these or shorter
    /// than `shortestInterval`.
    public static func interval(parsing text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last else { return nil }
        let factors: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        let seconds: TimeInterval?
        if let factor = factors[unit] {
            seconds = Int(trimmed.dropLast()).map { TimeInterval($0) * factor }
        } else {
            seconds = Int(trimmed).map { TimeInterval($0) }
        }
        guard let seconds, seconds >= shortestInterval, seconds <= 366 * 86_400 else { return nil }
        return seconds
    }

    /// The slot of `date`: the number of whole intervals since 1970. One backup is taken per slot
    /// however many instances run the job (the first to claim the slot takes it).
    public static func slot(of date: Date, interval: TimeInterval) -> Int64 {
        Int64((date.timeIntervalSince1970 / interval).rounded(.down))
    }

    /// The file name of a scheduled backup taken at `date`: sorts by time.
    public static func fileName(at date: Date) -> String { "lianxin-\(BeijingClock.stamp(date)).lxbackup" }

    /// Which of `files` (names of scheduled backups in the folder) to delete so that only the newest
    /// `keep` remain. Names not made by `fileName(at:)` are never touched.
    public static func expired(_ files: [String], keep: Int) -> [String] {
        let ours = files.filter { $0.hasPrefix("lianxin-") && $0.hasSuffix(".lxbackup") }.sorted(by: >)
        return Array(ours.dropFirst(max(keep, 1)))
    }
}
