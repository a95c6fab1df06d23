import Foundation

/// What a backup file holds, written as its last entry (`manifest.json`): which engine and method made
/// it, the schema (the migrations applied), the field-encryption key ids its ciphertexts use, the rows
/// of every table and a SHA-256 checksum of every other entry. `lianxin restore` checks the restored
/// database and files against it.
public struct BackupManifest: Codable, Sendable, Equatable {
    /// The manifest's own format.
    public static let currentFormat = "lianxin-backup/1"

    /// One entry of the backup file besides the manifest.
    public struct Entry: Codable, Sendable, Equatable {
        public var name: String
        public var size: Int64
        public var sha256: String

        public init(name: String, size: Int64, sha256: String) {
            self.name = name
            self.size = size
            self.sha256 = sha256
        }
    }

    public var format: String
    /// `sqlite` or `postgresql`.
    public var engine: String
    /// How the database was copied (`VACUUM INTO`, `pg_dump --format=custom`).
    public var method: String
    /// When the copy was taken, ISO 8601 in UTC.
    public var createdAt: String
    /// The same moment in Beijing time, as people read it.
    public var createdAtBeijing: String
    /// The migrations applied, in the order they ran.
    public var migrations: [String]
    /// For every encrypted column, the rows under each key id.
    public var keyIDsByColumn: [String: [String: Int]]
    /// Rows per table in the copy.
    public var tables: [String: Int]
    /// The database dump and the attachment files, with checksums.
    public var entries: [Entry]

    public init(
        engine: String, method: String, createdAt: Date, migrations: [String], keyIDsByColumn: [String: [String: Int]],
        tables: [String: Int], entries: [Entry]
    ) {
        self.format = Self.currentFormat
        self.engine = engine
        self.method = method
        self.createdAt = ISO8601DateFormatter().string(from: createdAt)
        self.createdAtBeijing = BeijingClock.text(createdAt)
        self.migrations = migrations
        self.keyIDsByColumn = keyIDsByColumn
        self.tables = tables
        self.entries = entries
    }

    /// Every key id some ciphertext of the copy uses (`legacy` for values written before key ids).
    public var keyIDsInUse: [String] {
        Set(keyIDsByColumn.values.flatMap { $0.filter { $0.value > 0 }.keys }).sorted()
    }

    /// The key ids the copy uses that `keyring` does not hold: their ciphertexts will not open.
    public func keyIDsMissing(from keyring: [String]) -> [String] {
        let held = Set(keyring)
        return keyIDsInUse.filter { $0 != "legacy" && !held.contains($0) }
    }

    /// Encodes the manifest as sorted, indented JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a manifest, refusing another format.
    public static func decode(_ data: Data) throws -> BackupManifest {
        let manifest = try JSONDecoder().decode(BackupManifest.self, from: data)
        guard manifest.format == currentFormat else { throw BackupProblem.unknownFormat(manifest.format) }
        return manifest
    }
}

/// Why a backup file cannot be used.
public enum BackupProblem: Error, Equatable, CustomStringConvertible {
    case unknownFormat(String)
    case notABackup
    case truncated
    case unsafeEntryName(String)
    case missingManifest
    case checksumMismatch(entry: String)
    case missingEntry(String)

    public var description: String {
        switch self {
        case .unknownFormat(let format): "the backup is in format \(format), which this version cannot read"
        case .notABackup: "this is not a Lianxin backup file"
        case .truncated: "the backup file is cut short (copied only in part?)"
        case .unsafeEntryName(let name): "the backup names a file outside its folder: \(name)"
        case .missingManifest: "the backup has no manifest (cut short?)"
        case .checksumMismatch(let entry): "\(entry) does not match its checksum in the manifest: the file is damaged"
        case .missingEntry(let entry): "\(entry) is listed in the manifest but missing from the file"
        }
    }
}

/// The restored database compared with the manifest: tables whose rows differ, and what the
/// engine's own check said.
public struct RestoreVerdict: Sendable, Equatable {
    /// A table whose row count is not the manifest's.
    public struct Difference: Sendable, Equatable {
        public let table: String
        public let expected: Int?
        public let found: Int?
    }

    public let differences: [Difference]
    public let integrity: [String]
    public let tablesChecked: Int
    public let rowsChecked: Int

    /// Compares `found` (rows per table after the restore) with the manifest's; `integrity` is the
    /// engine check's complaints (none when it said ok).
    public init(manifest: [String: Int], found: [String: Int], integrity: [String]) {
        var differences: [Difference] = []
        for table in Set(manifest.keys).union(found.keys).sorted() where manifest[table] != found[table] {
            differences.append(Difference(table: table, expected: manifest[table], found: found[table]))
        }
        self.differences = differences
        self.integrity = integrity
        self.tablesChecked = manifest.count
        self.rowsChecked = manifest.values.reduce(0, +)
    }

    public var isOK: Bool { differences.isEmpty && integrity.isEmpty }

    /// The verdict in a few lines for the console.
    public var lines: [String] {
        var lines = differences.map { difference in
            "rows differ in \(difference.table): backup \(difference.expected.map(String.init) ?? "none"), restored \(difference.found.map(String.init) ?? "none")"
        }
        lines += integrity.map { "integrity check: \($0)" }
        lines.append(
            isOK
                ? "verdict: ok — \(tablesChecked) tables, \(rowsChecked) rows equal to the manifest; integrity check ok"
                : "verdict: FAILED — \(differences.count) tables differ, \(integrity.count) integrity problems")
        return lines
    }
}

/// Beijing time (`WorkCalendar.shanghai`) as `2026-12-07 09:41:00`.
public enum BeijingClock {
    public static func text(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkCalendar.shanghai
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// `20261207-094100`, for file names that sort by time.
    public static func stamp(_ date: Date) -> String {
        text(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "").replacingOccurrences(of: " ", with: "-")
    }

    /// The calendar day in Beijing, `2026-12-07`.
    public static func day(_ date: Date) -> String { String(text(date).prefix(10)) }
}
