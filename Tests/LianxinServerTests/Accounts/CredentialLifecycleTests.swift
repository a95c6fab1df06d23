import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer

/// #16 item 15: tokens that expire and follow the password, password history, forced changes, a session cap
/// and a metrics endpoint that is not public.
@Suite("Credentials: token lifetime, password history, forced changes, sessions, metrics")
struct CredentialLifecycleTests {
    @Test func item15_bearerTokensExpireAndStopWithAnExpiredPassword() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, settings: ["LIANXIN_TOKEN_DAYS": "30", "LIANXIN_PASSWORD_MAX_AGE_DAYS": "0"]) { app, _ in
            let user = try await makeAccount("gateway", app)
            let token = try await AccountService(application: app, database: app.db).issueToken(for: user, name: "sms", actor: .commandLine)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: headers).status == .ok)
            user.mustChangePassword = true
            try await user.update(on: app.db)
            // Written here behind the service's back; the product's own changes raise the counter too (AuthCache).
            try await AuthEpoch.raise(on: app.db, cache: app.lianxin.authCache)
            let refused = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: headers)
            #expect(refused.status == .forbidden, "a token stops while its owner's password must be changed")
            #expect((try refused.field("type") as? String)?.hasSuffix("/password-expired") == true)
            user.mustChangePassword = false
            try await user.update(on: app.db)
            try await AuthEpoch.raise(on: app.db, cache: app.lianxin.authCache)
            clock.advance(29 * 86_400)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: headers).status == .ok)
            clock.advance(2 * 86_400)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: headers).status == .unauthorized, "expired after 30 days")
        }
    }

    @Test func item15_aTokenOfAPasswordPastItsAgeStops() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, settings: ["LIANXIN_PASSWORD_MAX_AGE_DAYS": "10"]) { app, _ in
            let user = try await makeAccount("gateway", app)
            let token = try await AccountService(application: app, database: app.db).issueToken(for: user, name: "sms", actor: .commandLine)
            clock.advance(11 * 86_400)
            let response = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"])
            #expect(response.status == .forbidden)
        }
    }

    @Test func item15_tokensNeedTheSecondFactorAtCreationAndTheirOwnerListsAndRevokesThem() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("secadmin")
            let withoutCode = try await client.send(
                .POST, "/account/tokens", form: ["name": "sync", "password": DemoSeeder.password, "_csrf": try await client.csrf("/account/tokens")])
            #expect(withoutCode.status == .unprocessableEntity)
            #expect(try await count("api_tokens", app) == 0)
            let code = try #require(try await client.totpCode(for: "secadmin"))
            let created = try await client.send(
                .POST, "/account/tokens",
                form: ["name": "sync", "password": DemoSeeder.password, "totp": code, "_csrf": try await client.csrf("/account/tokens")])
            #expect(created.status == .created)
            let html = created.body.string
            let start = try #require(html.range(of: "id=\"new-token\""))
            let token = String(html[start.upperBound...].drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
            #expect(token.hasPrefix("lx_"))
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: headers).status == .ok)
            let record = try #require(try await ApiToken.query(on: app.db).first())
            #expect(record.expiresAt != nil)
            #expect(try await client.send(.GET, "/account/tokens").body.string.contains("sync"))
            let revoked = try await client.send(
                .POST, "/account/tokens/\(try record.requireID())/revoke", form: ["_csrf": try await client.csrf("/account/tokens")])
            #expect(revoked.status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: headers).status == .unauthorized)
            #expect(try await auditActions(app).contains { $0.action == "token.revoke" && $0.target == "user:secadmin" })
        }
    }

    @Test func item15_noneOfTheLastFivePasswordsComesBack() async throws {
        try await withLianxin { app, _ in
            let user = try await makeAccount("clerk", app, password: "Pass@2026-0")
            let service = AccountService(application: app, database: app.db)
            for index in 1...4 { try await service.resetPassword(of: user, to: "Pass@2026-\(index)", actor: .commandLine, selfService: true) }
            for index in 0...4 {
                await #expect(throws: Problem.self, "password \(index) is among the last five") {
                    try await service.resetPassword(of: user, to: "Pass@2026-\(index)", actor: .commandLine, selfService: true)
                }
            }
            try await service.resetPassword(of: user, to: "Pass@2026-5", actor: .commandLine, selfService: true)
            try await service.resetPassword(of: user, to: "Pass@2026-0", actor: .commandLine, selfService: true)
        }
    }

    @Test func item15_aPasswordSetByAnAdministratorMustBeChangedAtFirstSignIn() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("secadmin")
            let account = AccountService.NewAccount(
                username: "newclerk", displayName: "新话务员", password: "Initial@2026", role: "operator", divisionCode: "361102")
            #expect(
                try await client.send(.POST, "/api/v1/users", headers: ["X-CSRF-Token": try await client.csrf()], json: account).status == .created)
            let clerk = TestClient(app: app)
            #expect(try await clerk.login("newclerk", "Initial@2026").status == .seeOther)
            let home = try await clerk.send(.GET, "/")
            #expect(home.headers.first(name: .location) == "/account?expired=1")
            #expect(try await clerk.send(.GET, "/account").body.string.contains("password-must-change"))
            #expect(try await clerk.send(.GET, "/api/v1/me").status == .forbidden)
            let changed = try await clerk.send(
                .POST, "/account/password",
                form: ["current": "Initial@2026", "password": "Chosen@2026x", "confirm": "Chosen@2026x", "_csrf": try await clerk.csrf()])
            #expect(changed.status == .seeOther)
            #expect(try await clerk.login("newclerk", "Chosen@2026x").status == .seeOther)
            #expect(try await clerk.send(.GET, "/").status == .ok)

            let user = try #require(try await User.query(on: app.db).filter(\.$username == "newclerk").first())
            let reset = try await client.send(
                .POST, "/security/accounts/\(try user.requireID())/password",
                form: ["password": "Reset@2026-tmp", "_csrf": try await client.csrf("/security/accounts")])
            #expect(reset.status == .seeOther)
            #expect(try await User.find(try user.requireID(), on: app.db)?.mustChangePassword == true, "a reset password must be changed too")
        }
    }

    @Test func item15_concurrentSessionsAreCappedAndTheOldestEnds() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, settings: ["LIANXIN_MAX_SESSIONS": "2"]) { app, _ in
            try await makeAccount("clerk", app)
            let first = TestClient(app: app), second = TestClient(app: app), third = TestClient(app: app)
            for client in [first, second, third] {
                #expect(try await client.login("clerk", "Str0ng@2026-pw").status == .seeOther)
                clock.advance(5)
            }
            #expect(try await count("user_sessions", app) == 2)
            #expect(try await first.send(.GET, "/").status == .seeOther, "the oldest session ended")
            #expect(try await second.send(.GET, "/").status == .ok)
            #expect(try await third.send(.GET, "/").status == .ok)
        }
    }

    @Test func item15_metricsAreNotPublic() async throws {
        try await withLianxin { _, client in
            let response = try await client.send(.GET, "/metrics")
            #expect(response.status == .forbidden, "no token and no loopback connection")
        }
        let secret = "metrics-scraper-token-0123456789"
        try await withLianxin(settings: ["LIANXIN_METRICS_TOKEN": secret]) { app, client in
            #expect(try await client.send(.GET, "/metrics").status == .forbidden)
            #expect(try await client.send(.GET, "/metrics", headers: ["Authorization": "Bearer not-the-token"]).status == .forbidden)
            let metrics = try await client.send(.GET, "/metrics", headers: ["Authorization": "Bearer \(secret)"])
            #expect(metrics.status == .ok)
            #expect(metrics.body.string.contains("lianxin_http_requests_total"))
        }
    }
}
