import Testing
@testable import LianxinCore

/// The verification card's figures come from the rollup counters, and each names the measure its drill-down lists.
@Suite struct VerificationFiguresTests {
    @Test func figuresAreTheCountersAndTheAverageOfTheEndedChecks() throws {
        var counters = RollupCounters()
        counters.verified = 3
        counters.verificationFailed = 1
        counters[.verify] = StageCounters(started: 5, stopped: 4, met: 4, seconds: 4 * 5_400)
        let figures = VerificationFigures(counters)
        #expect(figures.verified == 3 && figures.failed == 1 && figures.checks == 4)
        #expect(figures.averageMinutes == 90, "four checks of 90 minutes")
        #expect(!figures.isEmpty)
        // Each figure's measure reads the same number back.
        let measures = VerificationFigures.measures
        #expect(try #require(RollupMeasure(measures.verified)).value(in: counters) == figures.verified)
        #expect(try #require(RollupMeasure(measures.failed)).value(in: counters) == figures.failed)
        #expect(try #require(RollupMeasure(measures.checks)).value(in: counters) == figures.checks)
    }

    @Test func noCheckMeansNoAverage() {
        let figures = VerificationFigures(RollupCounters())
        #expect(figures.isEmpty && figures.averageMinutes == nil)
    }
}
