import Foundation

/// Where the data lives: an SQLite file (or memory, for tests) or a PostgreSQL server.
public enum DatabaseURL: Sendable, Equatable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(host: String, port: Int, username: String, password: String, database: String, searchPath: String?)

    public var isSQLite: Bool {
        if case .postgres = self { return false }
        return true
    }

    struct ParseError: Error, CustomStringConvertible { let description: String }

    /// Parses `sqlite://PATH`, `sqlite::memory:` or `postgres://user:pass@host:port/db[?search_path=s]`.
    public init(parsing text: String, relativeTo directory: String) throws {
        if text == "sqlite::memory:" || text == "sqlite://:memory:" {
            self = .sqliteMemory
            return
        }
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw ParseError(description: "the SQLite URL names no file") }
            self = .sqliteFile(path: path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path))
            return
        }
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw ParseError(description: "expected sqlite://PATH or postgres://user:pass@host:port/db")
        }
        guard let host = url.host, !host.isEmpty else { throw ParseError(description: "the PostgreSQL URL names no host") }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw ParseError(description: "the PostgreSQL URL names no database") }
        let searchPath = url.queryItems?.first(where: { $0.name == "search_path" })?.value
        self = .postgres(
            host: host, port: url.port ?? 5432, username: url.user ?? "postgres",
            password: url.password ?? "", database: database, searchPath: searchPath)
    }

    /// The URL with any password replaced, for logs and errors.
    public static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? text
    }
}
