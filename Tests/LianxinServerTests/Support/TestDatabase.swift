import Foundation
import Testing
import Vapor
import Fluent
import SQLKit
@testable import LianxinServer

/// The test database: SQLite in memory, or PostgreSQL when `LIANXIN_TEST_DATABASE_URL` names one
/// (each test then gets its own schema, dropped afterwards). Destructive set-up is refused on a non-local host.
enum TestDatabase {
    static var url: String? { ProcessInfo.processInfo.environment["LIANXIN_TEST_DATABASE_URL"] }
    static var isPostgres: Bool { url?.hasPrefix("postgres") ?? false }

    /// One test's database and what to remove when the test ends.
    struct Instance {
        enum Cleanup { case none, file(String), schema(String), database(String) }
        let url: String
        let cleanup: Cleanup
    }

    /// The settings every test app starts from.
    static func environment(dataDirectory: String) -> [String: String] {
        [
            "LIANXIN_SECRET_KEY": "test-secret-key-test-secret-key-0123456789",
            "LIANXIN_BCRYPT_COST": "4",
            "LIANXIN_RESOURCES_DIR": repositoryRoot + "/Resources",
            "LIANXIN_DATABASE_URL": "sqlite::memory:",
            "LIANXIN_LOG_LEVEL": "warning",
            "LIANXIN_SCHEDULER": "false",
            "LIANXIN_DATA_DIR": dataDirectory,
            "LIANXIN_RATE_LOGIN": "1000",
        ]
    }

    /// An empty database: SQLite in memory, or a new schema on the test PostgreSQL.
    static func fresh() throws -> Instance {
        guard let url = try postgresURL() else { return Instance(url: "sqlite::memory:", cleanup: .none) }
        let schema = uniqueName("t_")
        return Instance(url: url + (url.contains("?") ? "&" : "?") + "search_path=\(schema)", cleanup: .schema(schema))
    }

    /// A copy of a template: an SQLite file copy, or a PostgreSQL `CREATE DATABASE … TEMPLATE`.
    static func copy(of template: DemoTemplates.Template) async throws -> Instance {
        switch template {
        case .sqliteFile(let path):
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("\(uniqueName("lianxin-test-")).sqlite").path
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            return Instance(url: "sqlite://" + copy, cleanup: .file(copy))
        case .postgresDatabase(let name):
            let database = uniqueName("t_")
            try psql("CREATE DATABASE \(database) TEMPLATE \(name)")
            return Instance(url: try url(ofDatabase: database), cleanup: .database(database))
        }
    }

    /// Drops the test's schema (while its app still runs).
    static func dropSchema(_ instance: Instance, _ app: Application) async throws {
        guard case .schema(let schema) = instance.cleanup else { return }
        try await app.db.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
    }

    /// Removes the test's file or database (after its app has shut down).
    static func discard(_ instance: Instance) throws {
        switch instance.cleanup {
        case .none, .schema: break
        case .file(let path):
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .database(let name):
            try psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    /// The test PostgreSQL's URL, refused unless it is on this machine; nil on SQLite.
    static func postgresURL() throws -> String? {
        guard let url, isPostgres else { return nil }
        guard let host = URLComponents(string: url)?.host, ["127.0.0.1", "localhost", "::1"].contains(host) else {
            Issue.record("refusing to run destructive test set-up against a non-local database: \(url)")
            throw CancellationError()
        }
        return url
    }

    /// The test server's URL with another database name.
    static func url(ofDatabase name: String) throws -> String {
        guard let base = try postgresURL(), var components = URLComponents(string: base) else { throw CancellationError() }
        components.path = "/" + name
        components.query = nil
        return components.string ?? base
    }

    /// Runs one statement on the test server with `psql` (CREATE/DROP DATABASE cannot run inside
    /// the connection pool of an app that uses the database).
    static func psql(_ statement: String, database: String? = nil) throws {
        guard let base = try postgresURL() else { return }
        let target = try database.map { try url(ofDatabase: $0) } ?? base.components(separatedBy: "?")[0]
        try run(psqlPath, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", target, "-c", statement])
    }

    /// Runs a program and fails with its error output when it fails.
    static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Abort(.internalServerError, reason: "\(program) \(arguments.joined(separator: " ")): \(String(decoding: output, as: UTF8.self))")
        }
    }

    /// PostgreSQL's client: on PATH, or beside the newest server installed.
    static let psqlPath: String = {
        let candidates =
            ["/usr/bin/psql", "/usr/local/bin/psql"]
            + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted(by: >).map {
                "/usr/lib/postgresql/\($0)/bin/psql"
            }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "psql"
    }()

    static func uniqueName(_ prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    }
}

/// The seeded demo city, built once per test run for each (clock, settings) a test asks for, and
/// copied into every test that wants it. Seeding the whole city takes seconds; a copy takes
/// milliseconds (an SQLite file copy; on PostgreSQL, `CREATE DATABASE … TEMPLATE`).
actor DemoTemplates {
    static let shared = DemoTemplates()

    enum Template: Sendable {
        case sqliteFile(String)
        case postgresDatabase(String)
    }

    private var templates: [String: Task<Template, any Error>] = [:]

    func template(now: Date, settings extra: [String: String]) async throws -> Template {
        let key = "\(now.timeIntervalSince1970)|" + extra.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|")
        if let task = templates[key] { return try await task.value }
        let task = Task { try await Self.build(now: now, settings: extra) }
        templates[key] = task
        return try await task.value
    }

    /// Migrates and seeds a new database, then closes it so it can be copied.
    private static func build(now: Date, settings extra: [String: String]) async throws -> Template {
        let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("lianxin-template-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        var environment = TestDatabase.environment(dataDirectory: dataDirectory).merging(extra) { _, new in new }
        let template: Template
        if TestDatabase.isPostgres {
            let name = TestDatabase.uniqueName("lx_template_")
            try TestDatabase.psql("CREATE DATABASE \(name)")
            environment["LIANXIN_DATABASE_URL"] = try TestDatabase.url(ofDatabase: name)
            template = .postgresDatabase(name)
        } else {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(TestDatabase.uniqueName("lianxin-template-")).sqlite").path
            environment["LIANXIN_DATABASE_URL"] = "sqlite://" + path
            template = .sqliteFile(path)
        }
        let app = try await Application.make(.testing)
        do {
            let settings = try LianxinSettings.load(from: environment, workingDirectory: repositoryRoot).settings
            try await configure(app, settings: settings, now: { now })
            try await app.autoMigrate()
            try await prepareDatabase(app)
            _ = try await DemoSeeder(application: app).run()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        // Closing the last connection folds SQLite's write-ahead log back into the file, so the
        // file alone is the whole database.
        try await app.asyncShutdown()
        return template
    }
}
