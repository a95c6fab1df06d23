import Foundation
import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Restores a backup file into an empty database and the uploaded-files folder, then compares the
/// result with the manifest: rows per table, and the engine's own check (SQLite `PRAGMA
/// integrity_check` and `foreign_key_check`; PostgreSQL: every index valid and every constraint
/// validated, and `amcheck` over the B-tree indexes when that extension is installed).
struct RestoreService {
    let app: Application

    /// What a restore did.
    struct Outcome: Sendable {
        let manifest: BackupManifest
        let verdict: RestoreVerdict
        let filesRestored: Int
        /// Key ids the backup's ciphertexts use that the current keyring lacks.
        let missingKeyIDs: [String]
    }

    func restore(from path: String) async throws -> Outcome {
        let settings = app.lianxin.settings
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("\(path): no such file") }
        let engine = settings.database.isSQLite ? "sqlite" : "postgresql"
        let existing = try await DatabaseSnapshot(sql: app.db.sql, schema: nil).tables()
        guard existing.isEmpty else {
            throw CommandFailure(
                "restore needs an empty database, and this one has \(existing.count) tables (\(existing.prefix(3).joined(separator: ", "))…). Nothing was changed. Point LIANXIN_DATABASE_URL at a new database (SQLite: a new file name; PostgreSQL: `createdb NAME`) and run restore again"
            )
        }
        let staging = (settings.dataDirectory as NSString).appendingPathComponent(".restore-\(UUID().uuidString)")
        try DataFiles.createDirectory(staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let manifest = try BackupArchive.extract(path, into: staging)
        guard manifest.engine == engine else {
            throw CommandFailure(
                "this backup is of \(manifest.engine) and LIANXIN_DATABASE_URL names \(engine): restore it into the same kind of database")
        }
        let files = try plannedFiles(manifest, staging: staging)
        switch settings.database {
        case .sqliteMemory, .sqliteFile:
            try await restoreSQLite((staging as NSString).appendingPathComponent("database.sqlite"))
        case .postgres(_, _, _, _, let database, _, _):
            guard let pgRestore = ExternalTool.find("pg_restore") else { throw ExternalTool.missing("pg_restore") }
            try await ExternalTool.run(
                pgRestore,
                [
                    "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname=\(database)",
                    (staging as NSString).appendingPathComponent("database.pgdump"),
                ],
                environment: ExternalTool.postgresEnvironment(settings.database))
        }
        for (source, target) in files {
            try DataFiles.createDirectory((target as NSString).deletingLastPathComponent)
            try FileManager.default.moveItem(atPath: source, toPath: target)
        }
        let found = try await DatabaseSnapshot(sql: app.db.sql, schema: nil).rowCounts()
        let verdict = RestoreVerdict(manifest: manifest.tables, found: found, integrity: try await integrityProblems())
        return Outcome(
            manifest: manifest, verdict: verdict, filesRestored: files.count,
            missingKeyIDs: manifest.keyIDsMissing(from: app.lianxin.cipher.ring.keys.map(\.id)))
    }

    /// Where each file goes; refuses before anything is written when a different file is in the way.
    private func plannedFiles(_ manifest: BackupManifest, staging: String) throws -> [(String, String)] {
        let root = (app.lianxin.settings.dataDirectory as NSString).appendingPathComponent("files")
        var moves: [(String, String)] = []
        for entry in manifest.entries where entry.name.hasPrefix("files/") {
            let source = (staging as NSString).appendingPathComponent(entry.name)
            let target = (root as NSString).appendingPathComponent(String(entry.name.dropFirst("files/".count)))
            if FileManager.default.fileExists(atPath: target) {
                guard FileManager.default.contentsEqual(atPath: source, andPath: target) else {
                    throw CommandFailure(
                        "\(target) exists and differs from the backup's copy; nothing was changed. Restore into an empty LIANXIN_DATA_DIR")
                }
                continue
            }
            moves.append((source, target))
        }
        return moves
    }

    /// Copies every table, then the indexes, views and triggers, of the unpacked SQLite copy into
    /// this database in one transaction (foreign keys checked at its commit).
    private func restoreSQLite(_ copy: String) async throws {
        try await app.db.withConnection { connection in
            let sql = connection.sql
            try await sql.raw("ATTACH DATABASE \(literal: copy) AS lx_restore").run()
            do {
                let objects = try await sql.raw(
                    """
                    SELECT type, name, sql FROM lx_restore.sqlite_master m
                    WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                    AND NOT \(DatabaseSnapshot.isShadow("m", master: "lx_restore.sqlite_master"))
                    ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid
                    """
                ).all().map {
                    (
                        try $0.decode(column: "type", as: String.self), try $0.decode(column: "name", as: String.self),
                        try $0.decode(column: "sql", as: String.self)
                    )
                }
                try await sql.raw("BEGIN IMMEDIATE").run()
                do {
                    try await sql.raw("PRAGMA defer_foreign_keys = ON").run()
                    for (type, name, statement) in objects {
                        try await sql.raw("\(unsafeRaw: statement)").run()
                        if type == "table" {
                            try await sql.raw("INSERT INTO main.\(ident: name) SELECT * FROM lx_restore.\(ident: name)").run()
                        }
                    }
                    try await sql.raw("COMMIT").run()
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
                try await sql.raw("DETACH DATABASE lx_restore").run()
            } catch {
                try? await sql.raw("DETACH DATABASE lx_restore").run()
                throw error
            }
        }
    }

    /// The engine's complaints about the restored database; none when it is sound.
    func integrityProblems() async throws -> [String] {
        let sql = app.db.sql
        if app.lianxin.settings.database.isSQLite {
            let integrity = try await sql.raw("PRAGMA integrity_check").all().map { try $0.decode(column: "integrity_check", as: String.self) }
            let foreign = try await sql.raw("PRAGMA foreign_key_check").all().map { row in
                "foreign key of \((try? row.decode(column: "table", as: String.self)) ?? "?") row \((try? row.decode(column: "rowid", as: Int.self)) ?? 0) points at a missing row"
            }
            return integrity.filter { $0 != "ok" } + foreign
        }
        var problems = try await sql.raw(
            """
            SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready)
            """
        ).all().map { "index \(try $0.decode(column: "name", as: String.self)) is not valid" }
        problems += try await sql.raw(
            """
            SELECT con.conname AS name FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
            WHERE n.nspname = current_schema() AND NOT con.convalidated
            """
        ).all().map { "constraint \(try $0.decode(column: "name", as: String.self)) is not validated" }
        let amcheck =
            try await sql.raw("SELECT COUNT(*) AS n FROM pg_extension WHERE extname = 'amcheck'").first()?.decode(column: "n", as: Int.self) ?? 0
        if amcheck > 0 {
            let indexes = try await sql.raw(
                """
                SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
                JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND a.amname = 'btree'
                """
            ).all().map { try $0.decode(column: "name", as: String.self) }
            for index in indexes {
                do { try await sql.raw("SELECT bt_index_check(\(literal: index)::regclass, true)").run() } catch {
                    problems.append("index \(index): \(String(reflecting: error))")
                }
            }
        }
        return problems
    }
}
