import Foundation
import Testing
@testable import LianxinCore

/// Measures name the counts of the rollup counters; the orders each one lists are as many as it counts.
@Suite struct RollupMeasureTests {
    @Test(arguments: 0..<3)
    func everyMeasureListsAsManyOrdersAsItCounts(sample: Int) {
        let history = RandomHistory.samples[sample]
        let total = history.table.total()
        for measure in RollupMeasure.all {
            #expect(history.facts.filter(measure.includes).count == measure.value(in: total), "\(measure)")
        }
    }

    @Test func measureNamesReadBack() {
        for measure in RollupMeasure.all { #expect(RollupMeasure(measure.description) == measure) }
        #expect(RollupMeasure("sign.met")?.value(in: RollupCounters(QingmingFixture.facts)) == 6)
        #expect(RollupMeasure("reopenings") == nil, "reopenings count events, not orders")
        #expect(RollupMeasure("sign.seconds") == nil)
        #expect(RollupMeasure("nothing") == nil)
    }

    @Test func indicatorMeasuresAddUpToTheIndicatorsParts() {
        let facts = QingmingFixture.facts
        let counters = RollupCounters(facts)
        let settings = IndicatorSettings()
        for ratio in settings.orderRatios where ratio.definition.id != .satisfactionRate {
            let id = ratio.definition.id
            let measures = try! #require(settings.measures(of: id))
            let value = ratio.value(of: counters)
            #expect(Double(measures.denominator.value(in: counters)) == value.denominator, "\(id)")
            #expect(Double(measures.numerator.reduce(0) { $0 + $1.value(in: counters) }) == value.numerator, "\(id)")
        }
        let satisfaction = try! #require(settings.measures(of: .satisfactionRate))
        #expect(satisfaction.numerator.map(\.description) == ["satisfied", "basicallySatisfied"])
        #expect(settings.measures(of: .whistleScore) == nil)
    }

    @Test func histogramsReadBackFromTheirStoredCounts() {
        let histogram = StageHistogram(seconds: 600) + StageHistogram(seconds: 90_000)
        #expect(StageHistogram(counts: histogram.counts) == histogram)
        #expect(StageHistogram(counts: [1, 2]) == nil)
        var counters = RollupCounters()
        counters.setCount(4, named: "closed")
        #expect(counters.count(named: "closed") == 4 && counters.closed == 4)
        #expect(counters.count(named: "nothing") == nil)
    }
}
