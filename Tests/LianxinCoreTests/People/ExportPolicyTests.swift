import Foundation
import Testing
@testable import LianxinCore

@Suite("Exports of personal data: caps and the volume alert")
struct ExportPolicyTests {
    @Test func anUnmaskedExportIsCappedLowerAndWeighsMore() {
        let policy = ExportPolicy()
        #expect(policy.cap(unmasked: false) == 20_000 && policy.cap(unmasked: true) == 2_000)
        #expect(policy.weight(rows: 100, unmasked: true) == 1_000 && policy.weight(rows: 100, unmasked: false) == 100)
    }

    @Test func onlyTheExportThatCrossesTheVolumeAlerts() {
        let policy = ExportPolicy(alertVolume: 1_000)
        #expect(!policy.crossesAlert(earlier: 0, rows: 1_000, unmasked: false), "exactly the volume is not past it")
        #expect(policy.crossesAlert(earlier: 900, rows: 101, unmasked: false))
        #expect(policy.crossesAlert(earlier: 0, rows: 101, unmasked: true), "101 unmasked rows weigh 1,010")
        #expect(!policy.crossesAlert(earlier: 1_500, rows: 10, unmasked: false), "already reported within the window")
    }
}
