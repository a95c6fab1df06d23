import Foundation
import Testing
@testable import LianxinCore

/// Every indicator on the hand-computed Qingming fixture (see `QingmingFixture` for the ten stories).
/// Counted orders: o1–o4, o7–o10 (8); o5 is cancelled and o6 merged, so neither counts in any rate.
@Suite struct IndicatorFixtureTests {
    typealias F = MetricsFixture
    let facts = QingmingFixture.facts
    let settings = IndicatorSettings()

    @Test func cancelledAndMergedOrdersAreReceivedButNotCounted() {
        let counters = RollupCounters(facts)
        #expect(counters.received == 10)
        #expect(counters.cancelled == 1)
        #expect(counters.merged == 1)
        #expect(counters.counted == 8)
    }

    @Test func responseRateCountsTheLatestSignClockOfEachDispatchedOrder() {
        // Sign clocks: o1 ✓, o2 ✗ (48 min), o3 ✓ (after reopening), o4 ✓, o7 ✓, o8 still running, o9 ✓ (after
        // reopening; its first signing was late), o10 ✓ → 6 of 8.
        let value = settings.responseRate.value(of: facts)
        #expect(value.numerator == 6)
        #expect(value.denominator == 8)
        #expect(value.value == 6.0 / 8)
    }

    @Test func resolutionRateUsesTheLatestEvaluation() {
        // Evaluated: o1 solved, o2 solved, o3 solved at its second revisit, o9 unsolved → 3 of 4.
        #expect(settings.resolutionRate.value(of: facts).value == 3.0 / 4)
    }

    @Test func satisfactionRateWeighsBasicallySatisfiedAtNineTenths() {
        // o1 and o3 satisfied, o2 basically satisfied, o9 dissatisfied → (2 + 0.9 × 1) / 4.
        let value = settings.satisfactionRate.value(of: facts)
        let weighted: Double = 2 + 0.9 * 1
        #expect(value.numerator == weighted)
        #expect(value.value == weighted / 4)
    }

    @Test func satisfactionWeightsAreConfigurable() {
        let strict = SatisfactionRate(basicallySatisfiedWeight: 0.5)
        #expect(strict.value(of: facts).value == (2 + 0.5) / 4)
        #expect(strict.definition.formula.zh == "满意率 = (满意数 + 0.5 × 基本满意数) ÷ 已回访评价的工单数（以最近一次评价为准；不含作废、并单工单）")
    }

    @Test func onTimeRateCountsTheHolidayAndTheApprovedExtension() {
        // Ended complete clocks: o1 ✓ (due Wed 9 Apr 00:00: the Qingming days do not count), o2 ✓ (due moved two
        // working days to Fri 11 Apr 00:00), o3 ✓ (second round), o10 ✗ (due Thu 10 Apr 00:00, done 10:00) → 3 of 4.
        #expect(settings.onTimeRate.value(of: facts).value == 3.0 / 4)
        let o1 = facts[0].stage(.complete), o2 = facts[1].stage(.complete)
        #expect(o1?.dueAt == F.at("2025-04-09 00:00"))
        #expect(o1?.met == true)
        #expect(o2?.dueAt == F.at("2025-04-11 00:00"))
        #expect(o2?.met == true)
    }

    @Test func withoutTheHolidayTheSameCompletionWouldBeLate() throws {
        let plainWeeks = try WorkCalendar(schedule: .empty)
        var order = try OrderScript(F.uuid(0x71), createdAt: "2025-04-02 09:00", calendar: plainWeeks)
        try order.receive(at: "2025-04-02 09:01", dispatchingTo: F.unitA, at: "2025-04-02 09:02")
        try order(.sign, at: "2025-04-02 09:10")
        try order(.complete(note: "已修复", photoIDs: []), at: "2025-04-08 15:00")
        #expect(order.fact.stage(.complete)?.dueAt == F.at("2025-04-08 00:00"))
        #expect(order.fact.stage(.complete)?.met == false)
    }

    @Test func closureRateIsClosedOverCountedOrders() {
        // Closed: o1, o2, o3, o10 (o6 closed with its parent but does not count) → 4 of 8.
        #expect(settings.closureRate.value(of: facts).value == 4.0 / 8)
    }

    @Test func reopenRateIsReopenedOverOrdersEverCompleted() {
        // Completed at least once: o1, o2, o3, o9, o10; reopened: o3, o9 → 2 of 5.
        #expect(settings.reopenRate.value(of: facts).value == 2.0 / 5)
        #expect(ReopenRate(countsEveryReopening: true).value(of: facts).numerator == 2)
    }

    @Test func extensionRateIsExtendedOverDispatched() {
        // Dispatched: the eight counted orders; extended: o2 → 1 of 8.
        #expect(settings.extensionRate.value(of: facts).value == 1.0 / 8)
    }

    @Test func overdueOpenOrdersLeaveOutTheShelvedOne() {
        // At Tue 15 Apr noon: o7 (complete due Thu 10 Apr 00:00 after its pause), o8 (never signed), o9 (second
        // complete clock due Fri 11 Apr 00:00); o4 is shelved and not counted → 3.
        let count = settings.overdueOpenCount
        #expect(count.value(of: facts, at: F.at("2025-04-15 12:00")).value == 3)
        #expect(facts[6].stage(.complete)?.dueAt == F.at("2025-04-10 00:00"))
        #expect(facts[8].stage(.complete)?.dueAt == F.at("2025-04-11 00:00"))
        #expect(facts[3].isShelved)
        // At Tue 8 Apr noon only o8 is late (on signing); on the complete stage alone nobody is yet.
        #expect(count.value(of: facts, at: F.at("2025-04-08 12:00")).value == 1)
        #expect(OverdueOpenCount(stages: [.complete]).value(of: facts, at: F.at("2025-04-08 12:00")).value == 0)
    }

    @Test func averageStageTimeLeavesOutRunningClocks() {
        // Complete: o1 8998 min, o2 11938, o3 5520 (second round), o10 10138 → 36594 / 4.
        let complete = settings.averageStageTime.value(of: facts)
        #expect(complete.value == 36_594.0 / 4)
        #expect(complete.basis == 4)
        // Sign: o1 8, o2 48, o3 10, o4 3, o7 18, o9 20, o10 5 → 112 / 7; o8 never signed.
        #expect(AverageStageTime(stage: .sign).value(of: facts).value == 112.0 / 7)
    }

    @Test func pausedTimeIsLeftOutOfStageDurations() throws {
        var order = try OrderScript(F.uuid(0x70), createdAt: "2025-04-02 14:00")
        try order.receive(at: "2025-04-02 14:01", dispatchingTo: F.unitA, at: "2025-04-02 14:02")
        try order(.sign, at: "2025-04-02 14:20")
        try order(.pauseForRequester(reason: "等待材料"), at: "2025-04-02 15:00")
        try order(.resume, at: "2025-04-02 17:00")
        try order(.complete(note: "已处理", photoIDs: []), at: "2025-04-02 18:02")
        #expect(order.fact.stage(.complete)?.durationSeconds == 120 * 60)
    }

    @Test func p90IsTheNearestRankAndItsEstimateTheBucketBound() {
        // Four complete times, rank ⌈0.9 × 4⌉ = 4: the longest, o2's 11938 min, in the bucket (10080, 14400].
        #expect(settings.stageTimePercentile.value(of: facts).value == 11_938)
        #expect(settings.stageTimePercentile.estimate(from: RollupCounters(facts)).value == 14_400)
    }

    @Test func proactiveTasksAreOrdersOfTheProactiveChannel() {
        #expect(settings.proactiveTaskCount.value(of: facts).value == 1)
        #expect(settings.proactiveTaskCount.value(of: RollupTable(facts: facts)).value == 1)
    }

    @Test func whistleScoresAreAveraged() {
        let scores = [90, 80, 70.5].enumerated().map { index, score in
            ScoredWhistleEvaluation(
                whistleID: F.uuid(UInt8(0x50 + index)), departmentID: F.unitA, evaluatedAt: F.at("2025-04-10 09:00"),
                score: score)
        }
        let value = settings.whistleScore.value(of: scores)
        #expect(value.value == 240.5 / 3)
        #expect(settings.whistleScore.value(of: []).value == nil)
    }

    @Test func visitCoverageIsVisitedOverDue() {
        #expect(settings.visitCoverage.value(visited: 45, due: 50).value == 0.9)
        #expect(settings.visitCoverage.value(visited: 0, due: 0).value == nil)
    }

    @Test func eachRateListsTheOrdersItCounted() {
        let counters = RollupCounters(facts)
        for indicator in settings.orderRatios {
            let value = indicator.value(of: counters)
            #expect(Double(facts.filter(indicator.denominatorIncludes).count) == value.denominator, "\(indicator.definition.id)")
            let above = facts.filter(indicator.numeratorIncludes)
            #expect(above.allSatisfy(indicator.denominatorIncludes), "\(indicator.definition.id)")
            if indicator.definition.id != .satisfactionRate {
                #expect(Double(above.count) == value.numerator, "\(indicator.definition.id)")
            }
        }
    }

    @Test func unitsAreComparedOnTheirOwnOrders() {
        // Unit A: sign 4 of 5 (o2 late), solved 3 of 3, (2 + 0.9) / 3 satisfied.
        // Unit B: sign 2 of 3 (o8 unsigned), solved 0 of 1, satisfied 0 of 1.
        let table = RollupTable(facts: facts)
        let byUnit = table.totals { $0.departmentID }
        let scheme = AssessmentScheme.threeRates
        let a = scheme.score(settings.values(of: byUnit[F.unitA] ?? .zero))
        let b = scheme.score(settings.values(of: byUnit[F.unitB] ?? .zero))
        let satisfiedA: Double = (2 + 0.9) / 3
        let expectedA: Double = (10 * (100 * 0.8) + 45 * (100 * 1.0) + 45 * (100 * satisfiedA)) / 100
        let respondedB: Double = 2.0 / 3
        let expectedB: Double = 10 * (100 * respondedB) / 100
        #expect(a.value == expectedA)
        #expect(b.value == expectedB)
        let ranking = scheme.rank([
            RankingCandidate(unit: "A", score: a.value, orders: byUnit[F.unitA]?.counted ?? 0),
            RankingCandidate(unit: "B", score: b.value, orders: byUnit[F.unitB]?.counted ?? 0),
        ])
        #expect(ranking.map(\.rank) == [1, nil])
        #expect(ranking.map(\.standing) == [.ranked, .tooFewOrders])
    }

    @Test func cutsSelectRowsByPlaceDayAndUnit() throws {
        let table = RollupTable(facts: facts)
        let communityB = RollupFilter(division: .division(.community, code: "361102001002"))
        #expect(table.total(matching: communityB).counted == 3)
        let township = RollupFilter(division: .division(.township, code: "361102001"))
        #expect(table.total(matching: township) == RollupCounters(facts))
        let thirdOfApril = RollupFilter(period: .day("2025-04-03"))
        #expect(table.total(matching: thirdOfApril).received == 1)
        let unitA = RollupFilter(departmentIDs: [F.unitA], categoryCodes: ["0101"])
        #expect(table.total(matching: unitA).counted == 3)
        #expect(facts.filter(unitA.matches).count == 3)
    }
}
