import Foundation
import Testing
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
