import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer

/// Makes the city 上饶市 (when missing) and an account in it, as the command line would.
@discardableResult
func makeAccount(
    _ username: String, _ app: Application, role: String = "operator", password: String = "Str0ng@2026-pw", division: String = "3611"
) async throws -> User {
    for (code, name, level) in [("3611", "上饶市", "city"), ("361102", "信州区", "county")] where try await Division.find(code, on: app.db) == nil {
        let row = Division()
        row.id = code
        row.name = name
        row.level = level
        if code.count > 4 { row.parentCode = String(code.prefix(4)) }
        try await row.create(on: app.db)
    }
    return try await AccountService(application: app, database: app.db).create(
        .init(username: username, displayName: username, password: password, role: role, divisionCode: division, departmentCode: nil),
        by: nil, actor: .commandLine)
}

/// The JSON sign-in (no CSRF token needed).
func apiSignIn(_ username: String, _ password: String, _ app: Application) async throws -> TestingHTTPResponse {
    try await app.testing().sendRequest(
        .POST, "/api/v1/sessions", headers: ["Content-Type": "application/json"],
        body: ByteBuffer(data: try JSONEncoder().encode(["username": username, "password": password])))
}

/// Stands in for a new staff member's first sign-in, in tests about other features: an account made by the
/// security administrator must change its password first (#16 item 15, proved in `CredentialLifecycleTests`).
func acceptInitialPassword(_ username: String, _ app: Application) async throws {
    let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
    user.mustChangePassword = false
    try await user.update(on: app.db)
}
