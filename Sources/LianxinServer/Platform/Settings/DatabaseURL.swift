import Foundation

/// Where the data lives: an SQLite file (or memory, for tests) or a PostgreSQL server.
public enum DatabaseURL: Sendable, Equatable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(host: String, port: Int, username: String, password: String, database: String, searchPath: String?, tls: DatabaseTLS)

    public var isSQLite: Bool {
        if case .postgres = self { return false }
        return true
    }

    struct ParseError: Error, CustomStringConvertible { let description: String }

    /// Parses `sqlite://PATH`, `sqlite::memory:` or
    /// `postgres://user:pass@host:port/db[?search_path=s][&sslmode=m][&sslrootcert=FILE]`.
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
        func query(_ name: String) -> String? { url.queryItems?.first(where: { $0.name == name })?.value }
        var tls = DatabaseTLS.defaults(forHost: host)
        if let mode = query("sslmode") {
            guard let parsed = DatabaseTLS.Mode(rawValue: mode) else {
                throw ParseError(description: "sslmode=\(mode): expected disable, prefer, require or verify-full")
            }
            tls.mode = parsed
        }
        if let file = query("sslrootcert") { tls.caFile = file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file) }
        self = .postgres(
            host: host, port: url.port ?? 5432, username: url.user ?? "postgres",
            password: url.password ?? "", database: database, searchPath: query("search_path"), tls: tls)
    }

    /// The same URL with TLS settings from the environment (`LIANXIN_DATABASE_SSLMODE`,
    /// `LIANXIN_DATABASE_CA_FILE`) taking precedence over the URL's own.
    func overridingTLS(mode: DatabaseTLS.Mode?, caFile: String?) -> DatabaseURL {
        guard case let .postgres(host, port, username, password, database, searchPath, tls) = self else { return self }
        var changed = tls
        if let mode { changed.mode = mode }
        if let caFile { changed.caFile = caFile }
        return .postgres(host: host, port: port, username: username, password: password, database: database, searchPath: searchPath, tls: changed)
    }

    /// The URL with any password replaced, for logs and errors.
    public static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? text
    }
}

/// How the connection to PostgreSQL is protected: the libpq `sslmode`s Lianxin supports, and the
/// certificate authorities that sign the server's certificate (the system's when no file is named).
public struct DatabaseTLS: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        /// Plain text.
        case disable
        /// TLS when the server offers it, without checking its certificate.
        case prefer
        /// TLS or no connection; the certificate is checked against `caFile` when one is named.
        case require
        /// TLS with the certificate checked against the authorities and the host name.
        case verifyFull = "verify-full"
    }

    public var mode: Mode
    public var caFile: String?

    public init(mode: Mode, caFile: String? = nil) {
        self.mode = mode
        self.caFile = caFile
    }

    /// On by default (`verify-full`) unless the server is on this machine (loopback: plain text).
    public static func defaults(forHost host: String) -> DatabaseTLS {
        DatabaseTLS(mode: isLoopback(host) ? .disable : .verifyFull)
    }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.") || bare.hasPrefix("/")
    }
}
