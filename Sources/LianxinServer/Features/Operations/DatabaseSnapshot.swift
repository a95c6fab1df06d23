import Foundation
import Fluent
import SQLKit
import LianxinCore

/// Reads what the manifest records from a consistent view of the database: the SQLite copy attached
/// as `schema`, or, on PostgreSQL, the transaction holding the exported snapshot (`schema` nil).
struct DatabaseSnapshot {
    let sql: any SQLDatabase
    /// The attached SQLite database's name, or nil for the connection's own tables.
    let schema: String?

    private func table(_ name: String) -> SQLQueryString {
        if let schema { return "\(ident: schema).\(ident: name)" }
        return "\(ident: name)"
    }

    /// The tables, sorted. On SQLite the shadow tables of a full-text (FTS5) table are left out: the engine writes
    /// them from the full-text table's own rows, which are counted and copied instead.
    func tables() async throws -> [String] {
        let rows: [any SQLRow]
        if sql.dialect.name == "sqlite" {
            let master: SQLQueryString = schema.map { "\(ident: $0).sqlite_master" } ?? "sqlite_master"
            rows = try await sql.raw(
                """
                SELECT m.name AS name FROM \(master) m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                AND NOT \(Self.isShadow("m", master: master))
                """
            ).all()
        } else {
            rows = try await sql.raw(
                "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            ).all()
        }
        return try rows.map { try $0.decode(column: "name", as: String.self) }.sorted()
    }

    /// Whether the sqlite_master row `alias` is a shadow table of a virtual table (`<name>_data`, `<name>_idx`, …).
    static func isShadow(_ alias: String, master: SQLQueryString) -> SQLQueryString {
        """
        EXISTS (SELECT 1 FROM \(master) v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' \
        AND substr(\(unsafeRaw: alias).name, 1, length(v.name) + 1) = v.name || '_')
        """
    }

    /// Rows per table.
    func rowCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for name in try await tables() {
            counts[name] = try await sql.raw("SELECT COUNT(*) AS n FROM \(table(name))").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return counts
    }

    /// The migrations applied, in the order they ran.
    func migrations() async throws -> [String] {
        guard try await tables().contains("_fluent_migrations") else { return [] }
        return try await sql.raw("SELECT name FROM \(table("_fluent_migrations")) ORDER BY batch, created_at, name").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }

    /// For every encrypted column present, the rows under each key id (`legacy`: before key ids).
    func keyIDs() async throws -> [String: [String: Int]] {
        let present = Set(try await tables())
        var result: [String: [String: Int]] = [:]
        for column in EncryptedColumn.all where present.contains(column.table) {
            var byKey: [String: Int] = [:]
            let rows = try await sql.raw(
                "SELECT \(ident: column.column) AS sealed FROM \(table(column.table)) WHERE \(ident: column.column) IS NOT NULL"
            ).all()
            for row in rows {
                let sealed = try row.decode(column: "sealed", as: Data.self)
                byKey[FieldCipher.keyID(of: sealed) ?? KeyRotation.legacy, default: 0] += 1
            }
            result[column.description] = byKey
        }
        return result
    }
}
