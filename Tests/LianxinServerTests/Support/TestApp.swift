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

/// Runs `body` against a freshly configured and migrated app. With `demo`, the app starts from a
/// copy of the seeded demo city (see `DemoTemplates`) instead of seeding it again.
func withLianxin(
    clock: TestClock = TestClock(), demo: Bool = false, settings extra: [String: String] = [:],
    _ body: (Application, TestClient) async throws -> Void
) async throws {
    let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("lianxin-test-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
    var environment = TestDatabase.environment(dataDirectory: dataDirectory).merging(extra) { _, new in new }
    let database: TestDatabase.Instance
    if demo {
        let template = try await DemoTemplates.shared.template(now: clock.now, settings: extra)
        database = try await TestDatabase.copy(of: template)
    } else {
        database = try TestDatabase.fresh()
    }
    environment["LIANXIN_DATABASE_URL"] = database.url
    let app = try await Application.make(.testing)
    do {
        let settings = try LianxinSettings.load(from: environment, workingDirectory: repositoryRoot).settings
        try await configure(app, settings: settings, now: { clock.now })
        if case .schema(let schema) = database.cleanup {
            try await app.db.sql.raw("CREATE SCHEMA \(ident: schema)").run()
        }
        if TestDatabase.isPostgres && !demo { try await app.autoMigrate() }
        try await prepareDatabase(app)
        try await body(app, TestClient(app: app))
    } catch {
        try? await TestDatabase.dropSchema(database, app)
        try? await app.asyncShutdown()
        try? TestDatabase.discard(database)
        throw error
    }
    try await TestDatabase.dropSchema(database, app)
    try await app.asyncShutdown()
    try TestDatabase.discard(database)
}

/// A browser-like client: keeps cookies and the page's CSRF token.
final class TestClient: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]

    init(app: Application) { self.app = app }

    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], json: (any Encodable)? = nil,
        form: [String: String]? = nil, raw: (bytes: [UInt8], type: HTTPMediaType)? = nil
    ) async throws -> TestingHTTPResponse {
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
            if header.contains("Max-Age=0") || header.contains("Expires=Thu, 01 Jan 1970") {
                cookies[pair[0]] = nil
            } else {
                cookies[pair[0]] = pair[1]
            }
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
            let cipher = user.totpSecretCipher
        else { return nil }
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

    /// The fields a problem body names in its `errors`.
    func problemFields() throws -> [String] {
        (try field("errors") as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }
}

/// Counts rows of a table.
func count(_ table: String, _ app: Application) async throws -> Int {
    return try await app.db.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? -1
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
