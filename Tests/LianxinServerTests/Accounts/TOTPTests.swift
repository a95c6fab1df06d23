import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer

@Suite struct TOTPTests {
    /// RFC 6238 appendix B, SHA-1 column (8 digits), with the RFC's ASCII secret.
    @Test(arguments: [
        (59.0, "94287082"), (1_111_111_109.0, "07081804"), (1_111_111_111.0, "14050471"),
        (1_234_567_890.0, "89005924"), (2_000_000_000.0, "69279037"), (20_000_000_000.0, "65353130"),
    ])
    func matchesTheRFCTestVectors(time: Double, expected: String) {
        let totp = TOTP(secret: Array("12345678901234567890".utf8), digits: 8)
        #expect(totp.code(at: Date(timeIntervalSince1970: time)) == expected)
    }

    @Test func acceptsOneStepOfDriftAndNothingElse() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let step = UInt64(1_790_000_000 / 30)
        #expect(totp.verify(totp.code(at: now), at: now) == step)
        #expect(totp.verify(totp.code(at: now.addingTimeInterval(-30)), at: now) == step - 1)
        #expect(totp.verify(totp.code(at: now.addingTimeInterval(30)), at: now) == step + 1)
        #expect(totp.verify(totp.code(at: now.addingTimeInterval(-90)), at: now) == nil)
        #expect(totp.verify("12345", at: now) == nil && totp.verify("abcdef", at: now) == nil)
    }

    @Test func base32RoundTripsAndTheURIIsWhatAppsRead() {
        #expect(TOTP.base32(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(TOTP.decodeBase32("mzxw 6ytb oi") == Array("foobar".utf8))
        #expect(TOTP.decodeBase32("M1") == nil)
        let secret = TOTP.generateSecret()
        #expect(secret.count == 20 && TOTP.decodeBase32(TOTP.base32(secret)) == secret)
        let uri = TOTP(secret: Array("12345678901234567890".utf8)).uri(account: "secadmin", issuer: "连心")
        #expect(uri.hasPrefix("otpauth://totp/%E8%BF%9E%E5%BF%83%3Asecadmin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E8%BF%9E%E5%BF%83"))
    }
}

@Suite("Administrators sign in with a second factor")
struct SecondFactorSignInTests {
    func signIn(_ client: TestClient, _ username: String, code: String?) async throws -> TestingHTTPResponse {
        var body = ["username": username, "password": DemoSeeder.password]
        if let code { body["totp"] = code }
        return try await client.send(.POST, "/api/v1/sessions", json: body)
    }

    @Test func aCodeIsRequiredCheckedAndUsableOnce() async throws {
        try await withLianxin(demo: true) { app, client in
            let totp = TOTP(secret: TOTP.decodeBase32(DemoSeeder.totpSecret)!)
            let now = app.lianxin.now()
            #expect(try await signIn(client, "secadmin", code: nil).status == .unauthorized)
            #expect(try await signIn(client, "secadmin", code: "000000").status == .unauthorized)
            let code = totp.code(at: now)
            #expect(try await signIn(client, "secadmin", code: code).status == .noContent)
            let again = try await signIn(TestClient(app: app), "secadmin", code: code)
            #expect(again.status == .unauthorized, "a code works once")
            let other = try await signIn(TestClient(app: app), "operator", code: nil)
            #expect(other.status == .noContent, "other roles need no code")
            let details = try await AuditEntry.query(on: app.db).filter(\.$action == "login.failure").all().compactMap(\.detail)
            #expect(details.contains("second factor missing") && details.contains("wrong or reused second factor"))

            // An administrator without an enrolled app cannot sign in at all, and is told why.
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "auditor").first())
            user.totpSecretCipher = nil
            try await user.update(on: app.db)
            let english = TestClient(app: app)
            english.cookies["lianxin_lang"] = "en"  // the check reads the English message (#18 item 1)
            let refused = try await signIn(english, "auditor", code: "123456")
            #expect(refused.status == .unauthorized && refused.body.string.contains("enrol"))
            // The form shows the field with a label.
            let page = try await TestClient(app: app).send(.GET, "/login")
            #expect(page.body.string.contains("<label for=\"totp\">") && page.body.string.contains("autocomplete=\"one-time-code\""))
        }
    }

    @Test func theRequirementCanBeSwitchedOff() async throws {
        try await withLianxin(demo: true, settings: ["LIANXIN_ADMIN_TOTP": "false"]) { app, client in
            let response = try await signIn(client, "secadmin", code: nil)
            #expect(response.status == .noContent)
        }
    }
}
