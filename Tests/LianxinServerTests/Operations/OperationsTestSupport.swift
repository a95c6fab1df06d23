import Foundation
import Testing
import Vapor
import Fluent
import SQLKit
@testable import LianxinServer

/// A second app on a database with nothing in it (a new SQLite file, or a new PostgreSQL database)
/// and its own data folder: the target of a restore.
func withEmptyTarget(settings extra: [String: String] = [:], _ body: (Application, String) async throws -> Void) async throws {
    let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("lianxin-restore-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
    var environment = TestDatabase.environment(dataDirectory: dataDirectory).merging(extra) { _, new in new }
    let instance: TestDatabase.Instance
    if TestDatabase.isPostgres {
        let name = TestDatabase.uniqueName("t_restore_")
        try TestDatabase.psql("CREATE DATABASE \(name)")
        instance = TestDatabase.Instance(url: try TestDatabase.url(ofDatabase: name), cleanup: .database(name))
    } else {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(TestDatabase.uniqueName("lianxin-restore-")).sqlite").path
        instance = TestDatabase.Instance(url: "sqlite://" + path, cleanup: .file(path))
    }
    environment["LIANXIN_DATABASE_URL"] = instance.url
    let app = try await Application.make(.testing)
    do {
        let settings = try LianxinSettings.load(from: environment, workingDirectory: repositoryRoot).settings
        try await configure(app, settings: settings)
        try await body(app, dataDirectory)
    } catch {
        try? await app.asyncShutdown()
        try? TestDatabase.discard(instance)
        throw error
    }
    try await app.asyncShutdown()
    try TestDatabase.discard(instance)
}

/// A new path for a backup file (removed by the caller).
func temporaryBackupPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("lianxin-\(UUID().uuidString).lxbackup").path
}
