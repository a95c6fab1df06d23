import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import SQLKit
import NIOConcurrencyHelpers
@testable import LianxinServer

/// A clock the tests move by hand.
final class TestClock: Sendable {
    private let box: NIOLockedValueBox<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { box = .init(start) }
    var now: Date { box.withLockedValue { $0 } }
    func advance(_ seconds: TimeInterval) { box.withLockedValue { $0 += seconds } }
}

/// The repository root, found from this file.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

/// The test database: SQLite in memory, or PostgreSQL when `LIANXIN_TEST_DATABASE_URL` names one
/// (each test then gets its own schema, dropped afterwards). Destructive set-up is refused on a non-local host.
enum TestDatabase {
    static var url: String? { ProcessInfo.processInfo.environment["LIANXIN_TEST_DATABASE_URL"] }
    static var isPostgres: Bool { url?.hasPrefix("postgres") ?? false }
}

/// Runs `body` against a freshly configured and migrated app.
func withLianxin(clock: TestClock = TestClock(), demo: Bool = false, settings extra: [String: String] = [:],
                 _ body: (Application, TestClient) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    var schema: String?
    let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("lianxin-test-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
    do {
        var environment = [
            "LIANXIN_SECRET_KEY": "test-secret-key-test-secret-key-0123456789",
            "LIANXIN_BCRYPT_COST": "4",
            "LIANXIN_RESOURCES_DIR": repositoryRoot + "/Resources",
            "LIANXIN_DATABASE_URL": "sqlite::memory:",
            "LIANXIN_LOG_LEVEL": "warning",
            "LIANXIN_SCHEDULER": "false",
            "LIANXIN_DATA_DIR": dataDirectory,
            "LIANXIN_RATE_LOGIN": "1000",
        ].merging(extra) { _, new in new }
        if let url = TestDatabase.url, TestDatabase.isPostgres {
            guard let host = URLComponents(string: url)?.host, ["127.0.0.1", "localhost", "::1"].contains(host) else {
                Issue.record("refusing to run destructive test set-up against a non-local database: \(url)")
                throw CancellationError()
            }
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            schema = String(name)
            environment["LIANXIN_DATABASE_URL"] = url + (url.contains("?") ? "&" : "?") + "search_path=\(name)"
        }
        let settings = try LianxinSettings.load(from: environment, workingDirectory: repositoryRoot).settings
        try await configure(app, settings: settings, now: { clock.now })
        if let schema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
        }
        if TestDatabase.isPostgres { try await app.autoMigrate() }
        try await prepareDatabase(app)
        if demo { _ = try await DemoSeeder(application: app).run() }
        try await body(app, TestClient(app: app))
    } catch {
        try? await dropSchema(schema, app)
        try? await app.asyncShutdown()
        throw error
    }
    try await dropSchema(schema, app)
    try await app.asyncShutdown()
}

private func dropSchema(_ schema: String?, _ app: Application) async throws {
    guard let schema, let sql = app.db as? any SQLDatabase else { return }
    try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
}

/// A browser-like client: keeps cookies and the page's CSRF token.
final class TestClient: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]

    init(app: Application) { self.app = app }

    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], json: (any Encodable)? = nil,
              form: [String: String]? = nil, raw: (bytes: [UInt8], type: HTTPMediaType)? = nil) async throws -> TestingHTTPResponse {
        var headers = headers
        if !cookies.isEmpty, !headers.contains(name: .cookie) {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            body = ByteBuffer(data: try encoder.encode(json))
        } else if let raw {
            headers.contentType = raw.type
            body = ByteBuffer(bytes: raw.bytes)
        } else if let form {
            headers.contentType = .urlEncodedForm
            let encoded = form.map { key, value in
                "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
            }.joined(separator: "&")
            body = ByteBuffer(string: encoded)
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if header.contains("Max-Age=0") || header.contains("Expires=Thu, 01 Jan 1970") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        return response
    }

    /// Signs in through the login form as a browser does (GET the form for its token, then POST it).
    @discardableResult
    func login(_ username: String, _ password: String = DemoSeeder.password) async throws -> TestingHTTPResponse {
        let page = try await send(.GET, "/login")
        let token = try #require(Self.csrfToken(in: page.body.string))
        var form = ["username": username, "password": password, "_csrf": token]
        if let code = try await totpCode(for: username) { form["totp"] = code }
        return try await send(.POST, "/login", form: form)
    }

    /// The one-time code an enrolled administrator's app would show: the earliest step the server
    /// still accepts (the test clock stands still, and each step works once).
    func totpCode(for username: String) async throws -> String? {
        guard let user = try await User.query(on: app.db).filter(\.$username == username).first(),
              user.role.isAdministrator, let cipher = user.totpSecretCipher else { return nil }
        let totp = TOTP(secret: TOTP.decodeBase32(try app.lianxin.cipher.open(cipher)) ?? [])
        let now = Int(app.lianxin.now().timeIntervalSince1970 / 30)
        let step = max(now - 1, (user.totpLastStep ?? -1) + 1)
        return totp.code(counter: UInt64(step))
    }

    /// The CSRF token of the page at `path`.
    func csrf(_ path: String = "/account") async throws -> String {
        let page = try await send(.GET, path)
        return try #require(Self.csrfToken(in: page.body.string), "no CSRF token on \(path)")
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

extension TestingHTTPResponse {
    /// Decodes the JSON body.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(buffer: body))
    }

    /// A field of a JSON object body.
    func field(_ name: String) throws -> Any? {
        (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])?[name]
    }
}

/// Counts rows of a table.
func count(_ table: String, _ app: Application) async throws -> Int {
    let sql = try #require(app.db as? any SQLDatabase)
    return try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? -1
}

/// The actions of the audit log, oldest first.
func auditActions(_ app: Application) async throws -> [(action: String, result: String, target: String?)] {
    try await AuditEntry.query(on: app.db).sort(\.$at).all().map { ($0.action, $0.result, $0.target) }
}

/// Gives an account the demo TOTP secret, as `lianxin user totp` would give it one.
func enrolTOTP(_ username: String, _ app: Application) async throws {
    let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
    user.totpSecretCipher = try app.lianxin.cipher.seal(DemoSeeder.totpSecret)
    try await user.update(on: app.db)
}
