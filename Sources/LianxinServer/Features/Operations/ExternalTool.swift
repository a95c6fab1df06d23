import Foundation

/// PostgreSQL's client tools (`pg_dump`, `pg_restore`), run as child processes with the connection in
/// their environment (never the password on the command line).
enum ExternalTool {
    /// The tool on PATH or beside an installed server; nil when the client tools are missing.
    static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(name)" }
        let servers = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted {
            (Int($0) ?? 0) > (Int($1) ?? 0)
        }.map { "/usr/lib/postgresql/\($0)/bin/\(name)" }
        return (path + servers).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What to say when a tool is missing.
    static func missing(_ name: String) -> CommandFailure {
        CommandFailure(
            "\(name) was not found: install PostgreSQL's client tools, at least the server's major version (Debian/Ubuntu: `apt-get install postgresql-client`; RHEL/openEuler: `dnf install postgresql`), then run the command again"
        )
    }

    /// Runs `program` and waits without blocking a thread; throws with its error output when it fails.
    static func run(_ program: String, _ arguments: [String], environment extra: [String: String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("lianxin-tool-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure("cannot create a temporary file in \(FileManager.default.temporaryDirectory.path)")
        }
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errors = try FileHandle(forWritingTo: errorFile)
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try? errors.close()
        guard status == 0 else {
            let text = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw CommandFailure(
                "\((program as NSString).lastPathComponent) failed (exit \(status)): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    /// libpq's environment for `url`.
    static func postgresEnvironment(_ url: DatabaseURL) -> [String: String] {
        guard case let .postgres(host, port, username, password, database, _, tls) = url else { return [:] }
        var environment = [
            "PGHOST": host, "PGPORT": String(port), "PGUSER": username, "PGPASSWORD": password, "PGDATABASE": database,
            "PGSSLMODE": tls.mode.rawValue, "PGCONNECT_TIMEOUT": "30",
        ]
        if let caFile = tls.caFile { environment["PGSSLROOTCERT"] = caFile }
        return environment
    }
}
