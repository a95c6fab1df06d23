import Vapor
import Fluent
import SQLKit

/// Re-encrypts every `EncryptedColumn` under the current key, one batch of rows per transaction.
/// It can stop and start again at any time (rows already under the current key are skipped), and a
/// server may serve meanwhile: readers accept every key of the ring, and a row is rewritten only if
/// it still holds the ciphertext that was read (a concurrent change wins).
struct KeyRotation {
    let app: Application
    var batchSize = 500

    /// How many rows of a column are under each key id (`legacy` for ciphertexts without one).
    struct ColumnCount: Sendable {
        let column: EncryptedColumn
        var byKey: [String: Int] = [:]
    }

    struct Progress: Sendable {
        let column: EncryptedColumn
        var scanned = 0
        var rewritten = 0
        var failed = 0
    }

    static let legacy = "legacy"

    func status() async throws -> [ColumnCount] {
        var counts: [ColumnCount] = []
        for column in EncryptedColumn.all {
            var count = ColumnCount(column: column)
            try await scan(column) { rows in
                for (_, sealed) in rows { count.byKey[FieldCipher.keyID(of: sealed) ?? Self.legacy, default: 0] += 1 }
            }
            counts.append(count)
        }
        return counts
    }

    /// Rewrites every ciphertext not under the current key; `report` is called after each batch.
    func reencrypt(report: (Progress) -> Void) async throws -> [Progress] {
        let cipher = app.lianxin.cipher
        let current = cipher.ring.current.id
        var totals: [Progress] = []
        for column in EncryptedColumn.all {
            var progress = Progress(column: column)
            try await scan(column) { rows in
                var rewrites: [(UUID, old: Data, new: Data)] = []
                for (id, sealed) in rows where FieldCipher.keyID(of: sealed) != current {
                    do {
                        let plain = try column.bound ? cipher.open(sealed, for: column.at(id)) : cipher.open(sealed)
                        rewrites.append((id, sealed, try column.bound ? cipher.seal(plain, for: column.at(id)) : cipher.seal(plain)))
                    } catch {
                        progress.failed += 1
                        app.logger.error("cannot decrypt \(column) of row \(id): \(error)")
                    }
                }
                progress.scanned += rows.count
                progress.rewritten += try await write(rewrites, column)
                report(progress)
            }
            totals.append(progress)
        }
        return totals
    }

    /// Calls `body` with each batch of (row id, ciphertext), in id order.
    private func scan(_ column: EncryptedColumn, _ body: ([(UUID, Data)]) async throws -> Void) async throws {
        var after: UUID?
        while true {
            let sql = app.db.sql
            let query =
                after.map {
                    sql.raw(
                        "SELECT id, \(ident: column.column) AS sealed FROM \(ident: column.table) WHERE \(ident: column.column) IS NOT NULL AND id > \(bind: $0) ORDER BY id LIMIT \(literal: batchSize)"
                    )
                }
                ?? sql.raw(
                    "SELECT id, \(ident: column.column) AS sealed FROM \(ident: column.table) WHERE \(ident: column.column) IS NOT NULL ORDER BY id LIMIT \(literal: batchSize)"
                )
            let rows = try await query.all().map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "sealed", as: Data.self)) }
            guard let last = rows.last else { return }
            try await body(rows)
            after = last.0
            if rows.count < batchSize { return }
        }
    }

    /// Writes one batch in one transaction; returns how many rows still held what was read.
    private func write(_ rewrites: [(UUID, old: Data, new: Data)], _ column: EncryptedColumn) async throws -> Int {
        guard !rewrites.isEmpty else { return 0 }
        return try await app.lianxin.writes.run {
            try await app.db.transaction { db in
                var changed = 0
                for (id, old, new) in rewrites {
                    let row = try await db.sql.raw(
                        "UPDATE \(ident: column.table) SET \(ident: column.column) = \(bind: new) WHERE id = \(bind: id) AND \(ident: column.column) = \(bind: old) RETURNING id"
                    ).first()
                    if row != nil { changed += 1 }
                }
                return changed
            }
        }
    }
}
