import Fluent
import SQLKit

/// The record's division on every audit entry, and the hash chain (`AuditChain`): `seq`, `prev_hash`
/// and `hash`, with the entries written before it linked in order of time.
struct AddAuditChain: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await database.schema(AuditEntry.schema).field("record_division", .string).update()
        try await database.schema(AuditEntry.schema).field("seq", .int64).update()
        try await database.schema(AuditEntry.schema).field("prev_hash", .string).update()
        try await database.schema(AuditEntry.schema).field("hash", .string).update()
        let sql = database.sql
        try await sql.raw("CREATE UNIQUE INDEX audit_entries_seq ON audit_entries (seq)").run()
        try await database.index(on: AuditEntry.schema, name: "audit_entries_record_division", columns: ["record_division", "at"])
        try await withoutAppendOnly(database) {
            var previous = AuditChain.genesis
            var seq = 0
            while true {
                let batch = try await AuditEntry.query(on: database).filter(\.$seq == nil).sort(\.$at).sort(\.$id).limit(1000).all()
                for entry in batch {
                    seq += 1
                    let hash = AuditChain.hash(entry, seq: seq, previous: previous)
                    try await sql.raw(
                        "UPDATE audit_entries SET seq = \(bind: seq), prev_hash = \(bind: previous), hash = \(bind: hash) WHERE id = \(bind: entry.id!)"
                    ).run()
                    previous = hash
                }
                if batch.count < 1000 { break }
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX audit_entries_seq").run()
        try await database.sql.raw("DROP INDEX audit_entries_record_division").run()
        for name: FieldKey in ["record_division", "seq", "prev_hash", "hash"] {
            try await database.schema(AuditEntry.schema).deleteField(name).update()
        }
    }

    /// Runs `body` with the append-only triggers of `CreateAuditEntry` lifted (only this migration does).
    private func withoutAppendOnly(_ database: any Database, _ body: () async throws -> Void) async throws {
        let sql = database.sql
        if database.isSQLite {
            for operation in ["update", "delete"] { try await sql.raw("DROP TRIGGER audit_entries_no_\(unsafeRaw: operation)").run() }
            try await body()
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_entries_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_entries
                    BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END
                    """
                ).run()
            }
        } else {
            try await sql.raw("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change").run()
            try await body()
            try await sql.raw("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change").run()
        }
    }
}
