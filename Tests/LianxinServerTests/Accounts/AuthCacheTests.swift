import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import SQLKit
@testable import LianxinServer

/// #25: a session or token is resolved from the database once and then trusted for `LIANXIN_AUTH_CACHE_SECONDS`,
/// while a sign-out, revocation, disabled account or new role still applies at once (and within a second on another
/// instance).
@Suite("Authentication off the hot path")
struct AuthCacheTests {
    static func token(_ app: Application, _ username: String) async throws -> (User, HTTPHeaders) {
        let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
        let token = try await AccountService(application: app, database: app.db).issueToken(for: user, name: "cache", actor: .commandLine)
        return (user, ["Authorization": "Bearer \(token)"])
    }

    static func role(_ app: Application, _ headers: HTTPHeaders) async throws -> String? {
        let me = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: headers)
        return me.status == .ok ? try me.field("role") as? String : nil
    }

    /// Whether the token is let in: a list call any signed-in staff member may make.
    static func admitted(_ app: Application, _ headers: HTTPHeaders) async throws -> Bool {
        try await app.testing().sendRequest(.GET, "/api/v1/work-orders?limit=1", headers: headers).status == .ok
    }

    /// The account disabled behind the application's back (no `AuthEpoch.raise`): only the entry's age ends it.
    static func disableBehindTheBack(_ app: Application, _ user: User) async throws {
        try await app.db.sql.update(User.schema).set("active", to: false).where("id", .equal, try user.requireID()).run()
    }

    @Test func aTokensPrincipalIsReusedForItsLifetimeWithoutReadingTheAccountAgain() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let (user, headers) = try await Self.token(app, "dispatcher")
            #expect(try await Self.admitted(app, headers))
            try await Self.disableBehindTheBack(app, user)
            #expect(try await Self.admitted(app, headers), "the principal came from the cache")
            clock.advance(TimeInterval(app.lianxin.settings.access.authCacheSeconds) + 1)
            #expect(try await !Self.admitted(app, headers), "an entry older than its lifetime is read again")
        }
    }

    @Test func withTheCacheOffEveryRequestReadsTheAccount() async throws {
        try await withLianxin(demo: true, settings: ["LIANXIN_AUTH_CACHE_SECONDS": "0"]) { app, _ in
            let (user, headers) = try await Self.token(app, "dispatcher")
            #expect(try await Self.admitted(app, headers))
            try await Self.disableBehindTheBack(app, user)
            #expect(try await !Self.admitted(app, headers))
        }
    }

    @Test func revocationDisablingARoleChangeAndSignOutApplyAtOnce() async throws {
        try await withLianxin(demo: true) { app, client in
            let service = AccountService(application: app, database: app.db)
            let (user, headers) = try await Self.token(app, "dispatcher")
            #expect(try await Self.role(app, headers) == "dispatcher")
            try await service.changeRole(of: user, to: .operator, actor: .commandLine, ip: nil)
            #expect(try await Self.role(app, headers) == "operator", "a new role applies to the next request")
            let token = try #require(try await ApiToken.query(on: app.db).filter(\.$user.$id == user.requireID()).first())
            try await service.revoke(token, owner: user.username, actor: .commandLine, ip: nil)
            #expect(try await Self.role(app, headers) == nil, "a revoked token is refused at once")

            try await client.login("leader")
            #expect(try await client.send(.GET, "/").status == .ok)
            let leader = try #require(try await User.query(on: app.db).filter(\.$username == "leader").first())
            try await service.disable(leader, actor: .commandLine)
            #expect(
                try await client.send(.GET, "/").headers.first(name: .location)?.hasPrefix("/login") == true,
                "a disabled account's session ends at once")

            client.cookies = [:]
            try await client.login("supervisor")
            let cookie = client.cookies
            #expect(try await client.send(.GET, "/api/v1/me").status == .ok)
            let csrf = try await client.csrf()
            try await client.send(.POST, "/logout", form: ["_csrf": csrf])
            client.cookies = cookie
            #expect(try await client.send(.GET, "/api/v1/me").status == .unauthorized, "a signed-out session is not taken from the cache")
        }
    }

    @Test func anotherInstanceSeesARevocationWithinASecond() async throws {
        guard TestDatabase.isPostgres else {
            print("skipping: several instances share a PostgreSQL database (SQLite deployments run one instance)")
            return
        }
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let second = try await Application.make(.testing)
            do {
                try await configure(second, settings: app.lianxin.settings, now: { clock.now })
                let (user, headers) = try await Self.token(app, "dispatcher")
                #expect(try await Self.role(app, headers) == "dispatcher")
                let token = try #require(try await ApiToken.query(on: second.db).filter(\.$user.$id == user.requireID()).first())
                try await AccountService(application: second, database: second.db).revoke(token, owner: user.username, actor: .commandLine, ip: nil)
                #expect(try await Self.role(second, headers) == nil, "refused at once where it was revoked")
                clock.advance(AuthCache.epochInterval + 0.5)
                #expect(try await Self.role(app, headers) == nil, "and within a second on the other instance")
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }
}
