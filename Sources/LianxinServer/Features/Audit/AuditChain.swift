import Fluent
import Foundation
import Crypto
import SQLKit

/// The audit log as a hash chain: entry n stores the hash of entry n−1 and its own hash, SHA-256
/// over a canonical encoding of its fields and that previous hash. Entries are appended one at a
/// time (PostgreSQL: a transaction-scoped advisory lock; SQLite: one writer, and `seq` is unique
/// on both), so the chain never forks; `verify` finds the first deleted, altered or inserted entry.
enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)
    /// The advisory lock key of the audit log's writer (PostgreSQL).
    static let lockKey = 0x4C58_4155_4454

    /// Times are kept to the millisecond (both engines store at least that much exactly).
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// Each field as `<length>:<text>` (`~` for none), in a fixed order, then the previous hash.
    static func canonical(_ entry: AuditEntry, seq: Int, previous: String) -> Data {
        let fields: [String?] = [
            String(seq), entry.id?.uuidString.lowercased(), String(milliseconds(entry.at)), entry.action, entry.result,
            entry.actorID?.uuidString.lowercased(), entry.actorName, entry.actorRole, entry.divisionCode, entry.recordDivision,
            entry.target, entry.ip, entry.requestID, entry.detail,
        ]
        var text = "lianxin-audit-v1|"
        for field in fields { text += field.map { "\($0.utf8.count):\($0)|" } ?? "~|" }
        return Data((text + previous).utf8)
    }

    static func hash(_ entry: AuditEntry, seq: Int, previous: String) -> String {
        SHA256.hash(data: canonical(entry, seq: seq, previous: previous)).map { String(format: "%02x", $0) }.joined()
    }

    /// Links `entry` after the last one and inserts it, inside the caller's transaction or its own.
    static func append(_ entry: AuditEntry, on database: any Database) async throws {
        if entry.id == nil { entry.id = UUID() }
        entry.at = Date(timeIntervalSince1970: Double(milliseconds(entry.at)) / 1000)
        if database.inTransaction {
            try await link(entry, on: database)
        } else if database.isSQLite {
            // A read-then-write transaction on SQLite fails rather than waits when another connection writes
            // first; so each attempt reads the newest entry and inserts after it, and as `seq` is unique a
            // racing append loses and tries again.
            var attempts = 0
            while true {
                do {
                    return try await link(entry, on: database)
                } catch  where attempts < 50 {
                    attempts += 1
                    try await Task.sleep(for: .milliseconds(attempts))
                }
            }
        } else {
            try await database.transaction { try await link(entry, on: $0) }
        }
    }

    private static func link(_ entry: AuditEntry, on database: any Database) async throws {
        if !database.isSQLite {
            try await database.sql.raw("SELECT pg_advisory_xact_lock(\(bind: lockKey))").run()
        } else if database.inTransaction {
            // Take SQLite's write lock before reading the newest entry: a transaction that reads first and
            // writes later fails at once (SQLITE_BUSY_SNAPSHOT) when another connection wrote in between,
            // while one that starts by writing waits for the lock. A write that changes nothing is enough.
            try await database.sql.raw("UPDATE audit_entries SET seq = seq WHERE 1 = 0").run()
        }
        let last = try await database.sql.raw("SELECT seq, hash FROM audit_entries WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1").first()
        let seq = (try last?.decode(column: "seq", as: Int.self) ?? 0) + 1
        let previous = try last?.decode(column: "hash", as: String.self) ?? genesis
        entry.seq = seq
        entry.prevHash = previous
        entry.hash = hash(entry, seq: seq, previous: previous)
        try await entry.create(on: database)
    }

    /// What `verify` found.
    struct Verification: Sendable, Encodable {
        enum Finding: String, Sendable, Encodable { case intact, deleted, altered, inserted }
        var finding: Finding
        /// Entries checked.
        var checked: Int
        /// The sequence number where the chain first breaks.
        var seq: Int?
        var entryID: UUID?
        var intact: Bool { finding == .intact }
    }

    /// Walks the chain in order, a batch at a time.
    static func verify(on database: any Database, batch: Int = 1000) async throws -> Verification {
        let unlinked = try await AuditEntry.query(on: database).filter(\.$seq == nil).sort(\.$at).first()
        if let unlinked { return Verification(finding: .inserted, checked: 0, seq: nil, entryID: unlinked.id) }
        var expected = 1
        var previous = genesis
        var checked = 0
        while true {
            let rows = try await AuditEntry.query(on: database).filter(\.$seq >= expected).sort(\.$seq).limit(batch).all()
            for entry in rows {
                guard let seq = entry.seq else { continue }
                if seq != expected || entry.prevHash != previous {
                    // A gap, or a link to an entry that is not the one before: something was removed before this one
                    // (or this one was put in its place).
                    let finding: Verification.Finding = seq != expected ? .deleted : .inserted
                    return Verification(finding: finding, checked: checked, seq: seq, entryID: entry.id)
                }
                if hash(entry, seq: seq, previous: previous) != entry.hash {
                    return Verification(finding: .altered, checked: checked, seq: seq, entryID: entry.id)
                }
                previous = entry.hash ?? ""
                expected += 1
                checked += 1
            }
            if rows.count < batch { return Verification(finding: .intact, checked: checked, seq: nil, entryID: nil) }
        }
    }
}
