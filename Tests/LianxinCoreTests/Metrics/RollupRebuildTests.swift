import Foundation
import Testing
@testable import LianxinCore

/// Rollups kept up event by event equal rollups rebuilt from the final facts, on randomized histories.
@Suite struct RollupRebuildTests {
    @Test(arguments: 0..<3)
    func foldingEachEventsDeltaEqualsRebuildingFromTheFinalFacts(sample: Int) {
        let history = RandomHistory.samples[sample]
        #expect(history.orders.count > 100)
        #expect(history.eventCount > 2_000)
        #expect(history.table == RollupTable(facts: history.facts))
        #expect(history.table.total() == RollupCounters(history.facts))
    }

    @Test func eachFactKeptUpEventByEventEqualsItsReplay() throws {
        for record in RandomHistory.samples.flatMap(\.orders.values) {
            let replayed = try OrderFact.from(
                events: record.events, dimensions: record.dimensions, policy: record.policy, in: .china)
            #expect(replayed == record.fact)
        }
    }

    @Test func theRandomHistoriesReachEveryOutcomeTheCountersCount() {
        let counters = RandomHistory.samples.reduce(RollupCounters.zero) { $0 + $1.table.total() }
        let counts: [String: Int] = [
            "cancelled": counters.cancelled, "merged": counters.merged, "shelved": counters.shelved,
            "closed": counters.closed, "evaluated": counters.evaluated, "solved": counters.solved,
            "basicallySatisfied": counters.basicallySatisfied, "reopened": counters.reopened,
            "extended": counters.extended, "open": counters.open, "sign met": counters[.sign].met,
            "sign late": counters[.sign].stopped - counters[.sign].met, "complete met": counters[.complete].met,
            "complete late": counters[.complete].stopped - counters[.complete].met,
        ]
        for (name, count) in counts { #expect(count > 0, "\(name)") }
    }

    @Test func drillDownListsExactlyTheOrdersEachRateCounted() {
        let history = RandomHistory.samples[1]
        let settings = IndicatorSettings()
        for (unit, counters) in history.table.totals(by: \.departmentID) {
            let facts = history.facts.filter { $0.departmentID == unit }
            for indicator in settings.orderRatios where indicator.definition.id != .satisfactionRate {
                let value = indicator.value(of: counters)
                #expect(Double(facts.filter(indicator.denominatorIncludes).count) == value.denominator)
                #expect(Double(facts.filter(indicator.numeratorIncludes).count) == value.numerator)
            }
        }
    }

    @Test func aRowChangeOfAnOrderMovesItWholeToItsNewRow() {
        let o1 = QingmingFixture.facts[0]
        var moved = o1
        moved.dimensions.categoryCode = "0999"
        let delta = RollupCounters.delta(from: o1, to: moved)
        #expect(delta.count == 2)
        #expect(delta[RollupKey(o1)] == .zero - RollupCounters(o1))
        #expect(delta[RollupKey(moved)] == RollupCounters(moved))
        #expect(RollupCounters.delta(from: o1, to: o1).isEmpty)
    }

    @Test func countersSurviveStorageAndAddUp() throws {
        let facts = QingmingFixture.facts
        let all = RollupCounters(facts)
        let stored = try JSONDecoder().decode(RollupCounters.self, from: JSONEncoder().encode(all))
        #expect(stored == all)
        let halves = RollupCounters(facts.prefix(4)) + RollupCounters(facts.dropFirst(4))
        #expect(halves == all)
        #expect(all - RollupCounters(facts.prefix(4)) == RollupCounters(facts.dropFirst(4)))
    }
}
