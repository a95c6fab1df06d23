import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer

/// #16 item 9: the lockout counter is kept by the database, and sign-in answers do not tell which accounts exist.
@Suite("Lockout: atomic counting, alike answers, a limit on password changes")
struct LockoutTests {
    @Test func item09_twentyParallelWrongPasswordsLockTheAccount() async throws {
        try await withLianxin(settings: ["LIANXIN_RATE_LOGIN": "1000"]) { app, _ in
            try await makeAccount("clerk", app)
            try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for attempt in 0..<20 {
                    group.addTask {
                        try await apiSignIn("clerk", "Wrong-password-\(attempt)", app).status
                    }
                }
                for try await status in group { #expect(status == .unauthorized) }
            }
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "clerk").first())
            #expect((user.lockedUntil ?? .distantPast) > app.lianxin.now(), "20 wrong passwords at once lock the account")
            #expect(try await auditActions(app).contains { $0.action == "login.locked" && $0.target == "user:clerk" })
            #expect(try await apiSignIn("clerk", "Str0ng@2026-pw", app).status == .unauthorized, "the right password does not open a locked account")
        }
    }

    @Test func item09_lockedUnknownAndWrongAnswerAlikeInWordsAndTime() async throws {
        try await withLianxin(settings: ["LIANXIN_BCRYPT_COST": "10", "LIANXIN_RATE_LOGIN": "1000"]) { app, _ in
            try await makeAccount("clerk", app)
            try await makeAccount("locked", app)
            let locked = try #require(try await User.query(on: app.db).filter(\.$username == "locked").first())
            locked.lockedUntil = app.lianxin.now().addingTimeInterval(600)
            try await locked.update(on: app.db)
            _ = try await apiSignIn("nobody", "Whatever-1", app)  // the decoy hash is made once
            func timed(_ username: String, _ password: String) async throws -> (TimeInterval, String, Double) {
                let checks = app.lianxin.metrics.value(Passwords.checksMetric)
                let start = Date()
                let response = try await apiSignIn(username, password, app)
                #expect(response.status == .unauthorized)
                let spent = app.lianxin.metrics.value(Passwords.checksMetric) - checks
                return (Date().timeIntervalSince(start), try response.field("detail") as? String ?? "", spent)
            }
            var times: [String: [TimeInterval]] = [:]
            var details: Set<String> = []
            for _ in 0..<5 {
                for (name, username, password) in [
                    ("wrong", "clerk", "Wrong-password-1"), ("unknown", "nobody", "Whatever-1"), ("locked", "locked", "Str0ng@2026-pw"),
                ] {
                    let (time, detail, checks) = try await timed(username, password)
                    #expect(checks == 1, "\(name): one bcrypt check, like every other answer")
                    times[name, default: []].append(time)
                    details.insert(detail)
                }
            }
            #expect(details.count == 1, "one message for all three: \(details)")
            // The same work takes the same time; the fastest of five of each kind stay within a factor (noise from
            // tests running beside this one only slows some answers down). A locked account used to answer at once.
            let wrong = try #require(times["wrong"]?.min())
            for name in ["unknown", "locked"] {
                let fastest = try #require(times[name]?.min())
                #expect(fastest > wrong * 0.25, "\(name) answered in \(fastest) s, a wrong password in \(wrong) s")
            }
            let entries = try await auditActions(app)
            #expect(
                entries.contains { $0.action == "login.failure" && $0.result == "denied" && $0.target == "user:locked" }, "the log keeps the cause")
        }
    }

    @Test func item09_changingThePasswordHasAnAttemptLimit() async throws {
        try await withLianxin { app, client in
            try await makeAccount("clerk", app)
            #expect(try await client.login("clerk", "Str0ng@2026-pw").status == .seeOther)
            var last: TestingHTTPResponse?
            for attempt in 0..<5 {
                last = try await client.send(
                    .POST, "/account/password",
                    form: [
                        "current": "Guess-\(attempt)-x", "password": "New@2026-pass", "confirm": "New@2026-pass", "_csrf": try await client.csrf(),
                    ])
            }
            #expect(last?.status == .seeOther, "the fifth wrong current password locks the account and signs it out")
            #expect(try await count("user_sessions", app) == 0)
            #expect(try await client.send(.GET, "/account").status == .seeOther)
            #expect(try await auditActions(app).contains { $0.action == "login.locked" && $0.target == "user:clerk" })
            #expect(try await client.login("clerk", "Str0ng@2026-pw").status == .unauthorized)
        }
    }
}
