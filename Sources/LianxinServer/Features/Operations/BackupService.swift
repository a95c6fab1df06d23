import Foundation
import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Takes a consistent copy of the database and the uploaded files while the server serves, and writes
/// it as one backup file (`BackupArchive`) with its manifest.
///
/// SQLite: `VACUUM INTO` — one read transaction, so the copy is exactly the database at its start;
/// writers go on meanwhile (WAL), and the copy is compact and needs no -wal file. PostgreSQL: a
/// repeatable-read transaction exports its snapshot, the manifest's figures are read in it, and
/// `pg_dump --snapshot` dumps that same snapshot (custom format, compressed).
struct BackupService {
    let app: Application

    /// What a backup wrote.
    struct Result: Sendable {
        let path: String
        let bytes: Int64
        let manifest: BackupManifest
    }

    /// Writes the backup to `path` (a new file; written under a temporary name, then renamed).
    func backup(to path: String) async throws -> Result {
        let settings = app.lianxin.settings
        let staging = (settings.dataDirectory as NSString).appendingPathComponent(".backup-\(UUID().uuidString)")
        try DataFiles.createDirectory(staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let taken = app.lianxin.now()
        let database: (file: String, name: String, method: String, engine: String, figures: Figures)
        switch settings.database {
        case .sqliteMemory:
            throw CommandFailure("an in-memory database cannot be backed up; LIANXIN_DATABASE_URL must name a file or PostgreSQL")
        case .sqliteFile:
            let copy = (staging as NSString).appendingPathComponent("database.sqlite")
            database = (copy, "database.sqlite", "VACUUM INTO", "sqlite", try await sqliteCopy(into: copy))
        case .postgres(_, _, _, _, _, let searchPath, _):
            guard let pgDump = ExternalTool.find("pg_dump") else { throw ExternalTool.missing("pg_dump") }
            let dump = (staging as NSString).appendingPathComponent("database.pgdump")
            let figures = try await postgresDump(pgDump, into: dump, schema: searchPath)
            database = (dump, "database.pgdump", "pg_dump --format=custom", "postgresql", figures)
        }
        let temporary = path + ".part-\(UUID().uuidString.prefix(8))"
        let writer = try BackupArchive.Writer(path: temporary)
        do {
            try writer.add(file: database.file, as: database.name)
            try? FileManager.default.removeItem(atPath: database.file)
            for (file, name) in try attachmentFiles() { try writer.add(file: file, as: name) }
            let manifest = BackupManifest(
                engine: database.engine, method: database.method, createdAt: taken, migrations: database.figures.migrations,
                keyIDsByColumn: database.figures.keyIDs, tables: database.figures.tables, entries: writer.entries)
            try writer.add(data: try manifest.encoded(), as: BackupArchive.manifestName)
            try writer.finish()
            guard !FileManager.default.fileExists(atPath: path) else { throw CommandFailure("\(path) exists already; name a new file") }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
            let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
            return Result(path: path, bytes: bytes, manifest: manifest)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    struct Figures: Sendable {
        var tables: [String: Int]
        var migrations: [String]
        var keyIDs: [String: [String: Int]]
    }

    private func sqliteCopy(into copy: String) async throws -> Figures {
        try await app.db.withConnection { connection in
            let sql = connection.sql
            try await sql.raw("VACUUM INTO \(literal: copy)").run()
            try await sql.raw("ATTACH DATABASE \(literal: copy) AS lx_snapshot").run()
            do {
                let snapshot = DatabaseSnapshot(sql: sql, schema: "lx_snapshot")
                let figures = Figures(
                    tables: try await snapshot.rowCounts(), migrations: try await snapshot.migrations(), keyIDs: try await snapshot.keyIDs())
                try await sql.raw("DETACH DATABASE lx_snapshot").run()
                return figures
            } catch {
                try? await sql.raw("DETACH DATABASE lx_snapshot").run()
                throw error
            }
        }
    }

    private func postgresDump(_ pgDump: String, into file: String, schema: String?) async throws -> Figures {
        let environment = ExternalTool.postgresEnvironment(app.lianxin.settings.database)
        return try await app.db.transaction { transaction in
            let sql = transaction.sql
            try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
            let snapshotID = try await sql.raw("SELECT pg_export_snapshot() AS id").first()?.decode(column: "id", as: String.self) ?? ""
            let snapshot = DatabaseSnapshot(sql: sql, schema: nil)
            let figures = Figures(
                tables: try await snapshot.rowCounts(), migrations: try await snapshot.migrations(), keyIDs: try await snapshot.keyIDs())
            var arguments = ["--format=custom", "--no-owner", "--no-privileges", "--snapshot=\(snapshotID)", "--file=\(file)"]
            if let schema { arguments.append("--schema=\(schema)") }
            try await ExternalTool.run(pgDump, arguments, environment: environment)
            return figures
        }
    }

    /// The files of `DATA_DIR/files` (not those being written), as (path, entry name).
    private func attachmentFiles() throws -> [(String, String)] {
        let root = (app.lianxin.settings.dataDirectory as NSString).appendingPathComponent("files")
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [(String, String)] = []
        while let relative = walker.nextObject() as? String {
            let path = (root as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !relative.contains(".part-"), BackupArchive.safe(relative)
            else { continue }
            files.append((path, "files/" + relative))
        }
        return files.sorted { $0.1 < $1.1 }
    }
}
