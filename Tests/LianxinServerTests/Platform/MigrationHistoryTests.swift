import Foundation
import Testing
import Vapor
import Fluent
import SQLKit
@testable import LianxinServer

/// Fluent records each migration by its type's name, so moving migration files must not change
/// what an existing database has recorded. The fixtures were made by the binary of the commit
/// before the server was reorganised into feature folders (`lianxin migrate` on an empty database):
/// opening them, `migrate` must find nothing to do and the schema must equal a fresh one's.
@Suite("Migration history: databases made before the restructure migrate with nothing to do")
struct MigrationHistoryTests {
    static let fixtures = repositoryRoot + "/Tests/Fixtures/migrations/"

    @Test func everyMigrationIsRecordedUnderTheNameTheOldBinaryUsed() async throws {
        let database = try await fixtureDatabase()
        let recordedBefore = try await withApp(url: database.url) { app in try await Self.recorded(app) }
        #expect(recordedBefore.count == 32)
        // The fixture's binary knew the first 32 migrations of the history; later ones are appended after them.
        #expect(Set(recordedBefore) == Set(MigrationHistory.all.prefix(recordedBefore.count).map(\.name)))
        #expect(MigrationHistory.all.map(\.name).allSatisfy { $0.hasPrefix("LianxinServer.") })

        let (recordedAfter, migratedSchema) = try await withApp(url: database.url) { app in
            try await app.autoMigrate()
            return (try await Self.recorded(app), try await Self.schema(app))
        }
        let added = MigrationHistory.all.dropFirst(recordedBefore.count).map(\.name)
        #expect(recordedAfter == recordedBefore + added, "migrate ran only the migrations added since the fixture was made")

        let fresh = try await freshDatabase()
        let freshSchema = try await withApp(url: fresh.url) { app in
            try await app.autoMigrate()
            return try await Self.schema(app)
        }
        #expect(migratedSchema.count > 50)
        #expect(migratedSchema == freshSchema)
        for difference in migratedSchema.difference(from: freshSchema) { Issue.record("schema differs: \(difference)") }
        try TestDatabase.discard(database)
        try TestDatabase.discard(fresh)
    }

    /// A working copy of the fixture for this engine.
    private func fixtureDatabase() async throws -> TestDatabase.Instance {
        if TestDatabase.isPostgres {
            let name = TestDatabase.uniqueName("lx_fixture_")
            try TestDatabase.psql("CREATE DATABASE \(name)")
            try TestDatabase.run(
                TestDatabase.psqlPath,
                [
                    "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", try TestDatabase.url(ofDatabase: name),
                    "-f", Self.fixtures + "before-restructure.postgres.sql",
                ])
            return TestDatabase.Instance(url: try TestDatabase.url(ofDatabase: name), cleanup: .database(name))
        }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("\(TestDatabase.uniqueName("lianxin-fixture-")).sqlite").path
        try FileManager.default.copyItem(atPath: Self.fixtures + "before-restructure.sqlite", toPath: copy)
        return TestDatabase.Instance(url: "sqlite://" + copy, cleanup: .file(copy))
    }

    /// An empty database of the same engine (a file, so both sides are alike on SQLite).
    private func freshDatabase() async throws -> TestDatabase.Instance {
        if TestDatabase.isPostgres {
            let name = TestDatabase.uniqueName("lx_fresh_")
            try TestDatabase.psql("CREATE DATABASE \(name)")
            return TestDatabase.Instance(url: try TestDatabase.url(ofDatabase: name), cleanup: .database(name))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(TestDatabase.uniqueName("lianxin-fresh-")).sqlite").path
        return TestDatabase.Instance(url: "sqlite://" + path, cleanup: .file(path))
    }

    /// Runs `body` with an app on `url` that does not migrate by itself.
    private func withApp<T>(url: String, _ body: (Application) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianxin-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var environment = TestDatabase.environment(dataDirectory: directory)
        environment["LIANXIN_DATABASE_URL"] = url
        environment["LIANXIN_AUTO_MIGRATE"] = "false"
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: try LianxinSettings.load(from: environment, workingDirectory: repositoryRoot).settings)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// The migration names the database has recorded, in the order they ran.
    private static func recorded(_ app: Application) async throws -> [String] {
        try await app.db.sql.raw("SELECT name FROM _fluent_migrations ORDER BY batch, created_at, name").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }

    /// Every table, column, index and constraint, as text lines in a stable order.
    private static func schema(_ app: Application) async throws -> [String] {
        let sql = app.db.sql
        if app.db.isSQLite {
            return try await sql.raw(
                """
                SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || COALESCE(sql, '') AS line FROM sqlite_master
                WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name
                """
            ).all().map { try $0.decode(column: "line", as: String.self) }
        }
        return try await sql.raw(
            """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' null=' || is_nullable
                   || ' default=' || COALESCE(column_default, '') AS line
              FROM information_schema.columns WHERE table_schema = current_schema()
            UNION ALL
            SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
            UNION ALL
            SELECT 'constraint ' || c.conrelid::regclass::text || ' ' || c.conname || ': ' || pg_get_constraintdef(c.oid)
              FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema()
            ORDER BY 1
            """
        ).all().map { try $0.decode(column: "line", as: String.self) }
    }
}
