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
