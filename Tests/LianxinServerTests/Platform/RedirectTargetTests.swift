import Foundation
import Testing
import Vapor
import VaporTesting
@testable import LianxinServer

/// #16 item 10: `next` and `back` send the browser only to a path on this site.
@Suite("Redirect targets: same-site paths only")
struct RedirectTargetTests {
    static let offSite = [
        "/\t/evil.example", "/\n/evil.example", "/ /evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example",
        "https://evil.example/", "javascript:alert(1)", "evil.example", "/\u{00A0}/evil.example", "/％2Fevil", "",
    ]

    @Test func item10_onlySameSitePathsAreRedirectTargets() {
        for target in Self.offSite { #expect(RedirectTarget.sameSite(target) == "/", "accepted \(target.debugDescription)") }
        for target in ["/", "/orders?status=open&page=2", "/p/track/ABCD-1234", "/orders/%E5%B7%A5%E5%8D%95"] {
            #expect(RedirectTarget.sameSite(target) == target)
        }
    }

    @Test func item10_theLanguageSwitchAndTheLoginFormDoNotLeaveTheSite() async throws {
        try await withLianxin(demo: true) { _, client in
            for encoded in ["/%09/evil.example", "/%0A/evil.example", "%2F%2Fevil.example", "/%5Cevil.example"] {
                let switched = try await client.send(.GET, "/lang/en?back=\(encoded)")
                #expect(switched.headers.first(name: .location) == "/", "back=\(encoded)")
                let page = try await client.send(.GET, "/login?next=\(encoded)")
                #expect(!page.body.string.contains("evil.example"), "next=\(encoded) is carried into the form")
            }
            let token = try #require(TestClient.csrfToken(in: try await client.send(.GET, "/login").body.string))
            let signedIn = try await client.send(
                .POST, "/login",
                form: ["username": "operator", "password": DemoSeeder.password, "_csrf": token, "next": "/\t/evil.example"])
            #expect(signedIn.headers.first(name: .location) == "/")
        }
    }
}
