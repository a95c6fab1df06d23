import Foundation
import Testing
import VaporTesting
@testable import LianxinServer

@Suite("Rate limits on the endpoints anyone can reach")
struct RateLimitTests {
    @Test func signInAndPublicCallsAreLimitedPerAddress() async throws {
        try await withLianxin(demo: true, settings: ["LIANXIN_RATE_LOGIN": "3", "LIANXIN_RATE_PUBLIC": "2"]) { app, client in
            for _ in 0..<3 {
                let attempt = try await client.send(.POST, "/api/v1/sessions", json: ["username": "operator", "password": "wrong"])
                #expect(attempt.status == .unauthorized)
            }
            let limited = try await client.send(.POST, "/api/v1/sessions", json: ["username": "operator", "password": "wrong"])
            #expect(limited.status == .tooManyRequests && limited.headers.first(name: "Retry-After") == "60")
            #expect(limited.body.string.contains("rate-limited"))
            #expect(try await client.send(.GET, "/api/v1/work-orders").status == .unauthorized, "other endpoints are not limited")

            for _ in 0..<2 { #expect(try await client.send(.GET, "/api/v1/public/orders/ABCDEFGHJK").status == .notFound) }
            #expect(try await client.send(.GET, "/api/v1/public/orders/ABCDEFGHJK").status == .tooManyRequests)
            #expect(try await client.send(.GET, "/open311/v2/services.json").status == .tooManyRequests, "one budget for public calls")
        }
    }
}

@Suite("Password rotation")
struct PasswordRotationTests {
    @Test func anExpiredPasswordMustBeChangedBeforeAnythingElse() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true, settings: ["LIANXIN_PASSWORD_MAX_AGE_DAYS": "90"]) { app, client in
            clock.advance(91 * 86_400)
            try await client.login("operator")
            let api = try await client.send(.GET, "/api/v1/work-orders")
            #expect(api.status == .forbidden && api.body.string.contains("password-expired"))
            let home = try await client.send(.GET, "/")
            #expect(home.status == .seeOther && home.headers.first(name: .location) == "/account?expired=1")
            let account = try await client.send(.GET, "/account?expired=1")
            #expect(account.status == .ok && account.body.string.contains("id=\"password-expired\""))
            let token = try #require(TestClient.csrfToken(in: account.body.string))
            let changed = try await client.send(
                .POST, "/account/password",
                form: [
                    "current": DemoSeeder.password, "password": "N3w-Secret-2027", "confirm": "N3w-Secret-2027", "_csrf": token,
                ])
            #expect(changed.status == .seeOther)
            try await client.login("operator", "N3w-Secret-2027")
            #expect(try await client.send(.GET, "/api/v1/work-orders").status == .ok)
        }
    }

    /// #16 item 6: behind a proxy the client is the right-most untrusted address, and the limiters
    /// forget clients whose buckets have refilled instead of growing without bound.
    @Test func item06_forgedAddressesAreIgnoredAndLimiterMemoryIsBounded() throws {
        let settings = try LianxinSettings.load(
            from: ["LIANXIN_TRUSTED_PROXIES": "10.0.0.0/8", "LIANXIN_SECRET_KEY": String(repeating: "k", count: 40)],
            workingDirectory: NSTemporaryDirectory()
        ).settings
        #expect(settings.trustedProxies.client(peer: "10.1.2.3", forwardedFor: ["6.6.6.6, 203.0.113.7"]) == "203.0.113.7")
        let legacy = try LianxinSettings.load(
            from: ["LIANXIN_TRUST_PROXY": "true", "LIANXIN_SECRET_KEY": String(repeating: "k", count: 40)],
            workingDirectory: NSTemporaryDirectory()
        ).settings
        #expect(legacy.trustedProxies == .loopback)
        #expect(throws: LianxinSettings.Problem.self) {
            _ = try LianxinSettings.load(
                from: ["LIANXIN_TRUSTED_PROXIES": "10.0.0.0/8, lb.internal", "LIANXIN_SECRET_KEY": String(repeating: "k", count: 40)],
                workingDirectory: NSTemporaryDirectory())
        }

        let limits = RateLimits()
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        for index in 0..<5_000 { _ = limits.allow("login-ip:198.51.\(index / 256).\(index % 256)", perMinute: 10, at: start) }
        #expect(limits.bucketCount == 5_000)
        #expect(limits.allow("login-ip:203.0.113.1", perMinute: 10, at: start.addingTimeInterval(3_600)))
        #expect(limits.bucketCount == 1, "buckets that refilled an hour ago are dropped")
    }
}
