import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer

@Suite("Signing in, lockout, sessions and CSRF")
struct AuthenticationTests {
    @Test func aDemoOperatorSignsInAndSeesTheirHomePage() async throws {
        try await withLianxin(demo: true) { _, client in
            let response = try await client.login("operator")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/")
            let home = try await client.send(.GET, "/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("话务员 王丽"))
            #expect(home.body.string.contains("上饶市"))
        }
    }

    @Test func anOrdinaryAccountWithASecondFactorMustGiveItsCode() async throws {
        try await withLianxin(demo: true) { app, client in
            try await enrolTOTP("dispatcher", app)
            let page = try await client.send(.GET, "/login")
            let token = try #require(TestClient.csrfToken(in: page.body.string))
            let withoutCode = try await client.send(
                .POST, "/login", form: ["username": "dispatcher", "password": DemoSeeder.password, "_csrf": token])
            #expect(withoutCode.status != .seeOther, "the password alone no longer signs in")
            #expect(try await client.login("dispatcher").status == .seeOther, "with the code it does")
        }
    }

    @Test func aWrongPasswordIsRefusedAndAudited() async throws {
        try await withLianxin(demo: true) { app, client in
            let response = try await client.login("operator", "Wrong-password-1")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("用户名或密码错误"))
            let entries = try await auditActions(app)
            #expect(entries.contains { $0.action == "login.failure" && $0.result == "failure" && $0.target == "user:operator" })
        }
    }

    @Test func anUnknownUserGetsTheSameMessageAsAWrongPassword() async throws {
        try await withLianxin(demo: true) { app, client in
            let response = try await client.login("nobody", "Whatever-1")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("用户名或密码错误"))
            #expect(try await auditActions(app).contains { $0.action == "login.failure" && $0.target == "user:nobody" })
        }
    }

    @Test func fiveFailuresLockTheAccountForThirtyMinutes() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, client in
            for _ in 0..<5 { try await client.login("dispatcher", "Wrong-password-1") }
            let locked = try await client.login("dispatcher")
            #expect(locked.status == .unauthorized)
            #expect(locked.body.string.contains("锁定"))
            #expect(try await auditActions(app).contains { $0.action == "login.locked" })
            clock.advance(29 * 60)
            #expect(try await client.login("dispatcher").status == .unauthorized)
            clock.advance(2 * 60)
            #expect(try await client.login("dispatcher").status == .seeOther)
        }
    }

    @Test func aSessionEndsAfterThirtyIdleMinutes() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { _, client in
            try await client.login("leader")
            clock.advance(20 * 60)
            #expect(try await client.send(.GET, "/").status == .ok)
            clock.advance(20 * 60)
            #expect(try await client.send(.GET, "/").status == .ok, "activity 20 minutes ago keeps the session")
            clock.advance(31 * 60)
            let response = try await client.send(.GET, "/")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test func sessionsLiveInTheDatabaseSoAnotherInstanceAcceptsThem() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("leader")
            #expect(try await count("user_sessions", app) == 1)
            try await client.send(.POST, "/logout", form: ["_csrf": try await client.csrf()])
            #expect(try await count("user_sessions", app) == 0)
            #expect(try await client.send(.GET, "/").status == .seeOther)
        }
    }

    @Test func aFormPostWithoutTheCSRFTokenIsRefusedAndAudited() async throws {
        try await withLianxin(demo: true) { app, client in
            let anonymous = try await client.send(.POST, "/login", form: ["username": "admin", "password": DemoSeeder.password])
            #expect(anonymous.status == .forbidden)
            try await client.login("secadmin")
            let forged = try await client.send(
                .POST, "/admin/users",
                form: [
                    "username": "mallory", "displayName": "M", "password": "Str0ng-pass", "role": "admin", "divisionCode": "3611",
                    "_csrf": "not-the-token",
                ])
            #expect(forged.status == .forbidden)
            #expect(try await User.query(on: app.db).filter(\.$username == "mallory").count() == 0)
            #expect(try await auditActions(app).filter { $0.action == "csrf.rejected" }.count == 2)
        }
    }

    @Test func bearerTokensActAsTheirUserUntilTheUserIsDisabled() async throws {
        try await withLianxin(demo: true) { app, _ in
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "secadmin").first())
            let service = AccountService(application: app, database: app.db)
            let token = try await service.issueToken(for: user, name: "test", actor: .commandLine)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            let me = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: headers)
            #expect(me.status == .ok)
            #expect(try me.field("username") as? String == "secadmin")
            let created = try await app.testing().sendRequest(
                .POST, "/api/v1/users", headers: headers.merging(["Content-Type": "application/json"]),
                body: ByteBuffer(
                    string: #"{"username":"api-made","displayName":"API","password":"Str0ng-pass!","role":"operator","divisionCode":"361102"}"#))
            #expect(created.status == .created, "a bearer request needs no CSRF token")
            try await service.disable(user, actor: .commandLine)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: headers).status == .unauthorized)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer forged"]).status == .unauthorized)
        }
    }
}

extension HTTPHeaders {
    func merging(_ other: HTTPHeaders) -> HTTPHeaders {
        var copy = self
        for (name, value) in other { copy.replaceOrAdd(name: name, value: value) }
        return copy
    }
}
