import Foundation
import Testing
@testable import LianxinCore

@Suite struct ISOTimestampTests {
    @Test func agreesWithFoundationOnRandomInstants() {
        var random = TestRandom(seed: 20261125)
        let reference = ISO8601DateFormatter()
        reference.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for _ in 0..<5_000 {
            let millis = Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &random)
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            let text = ISOTimestamp.format(date)
            #expect(text == reference.string(from: date), "\(millis)")
            let parsed = ISOTimestamp.parse(text)
            #expect(parsed.map { ($0.timeIntervalSince1970 * 1000).rounded() } == Double(millis))
            #expect(parsed.map(ISOTimestamp.format) == text, "formatting what was read gives the same text")
        }
    }

    @Test func readsTheUsualVariants() {
        let base = Date(timeIntervalSince1970: 1_790_000_000)
        #expect(ISOTimestamp.parse("2026-09-21T14:13:20Z") == base)
        #expect(ISOTimestamp.parse("2026-09-21T22:13:20+08:00") == base)
        #expect(ISOTimestamp.parse("2026-09-21T22:13:20+0800") == base)
        #expect(ISOTimestamp.parse("2026-09-21T09:13:20-05:00") == base)
        #expect(ISOTimestamp.parse("2026-09-21T14:13:20.5Z") == base.addingTimeInterval(0.5))
        #expect(ISOTimestamp.parse("2026-09-21T14:13:20.123456789Z").map { abs($0.timeIntervalSince(base) - 0.123456789) < 1e-6 } == true)
        for bad in [
            "", "2026-09-21", "2026-09-21T14:13:20", "2026-13-21T14:13:20Z", "2026-09-21T25:13:20Z", "2026-09-21T14:13:20Zjunk",
            "2026-09-21T14:13:20.Z", "20260921T141320Z", "yesterday",
        ] {
            #expect(ISOTimestamp.parse(bad) == nil, "\(bad)")
        }
    }
}
