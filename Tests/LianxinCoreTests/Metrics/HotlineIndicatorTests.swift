import Foundation
import Testing
@testable import LianxinCore

/// The hotline's own indicators (issue 19) on eight orders of Monday 14 April 2025, worked out by hand, under the
/// test policy (sign within 30 minutes, complete in 3 working days):
///
/// | order | story |
/// |---|---|
/// | h1 | a consultation answered on the call from a knowledge-base entry (直接办结, 知识库命中) |
/// | h2 | a consultation answered on the call without an entry |
/// | h3 | unit A signs in 10 min, completes; revisited, satisfied |
/// | h4 | unit A signs in 45 min (late), completes; never revisited |
/// | h5 | unit A hands it back, the dispatcher approves; unit B signs in 5 min, completes; revisited |
/// | h6 | unit B asks to hand it back, the dispatcher refuses; B signs 13 min after dispatch; still in hand |
/// | h7 | unit B signs; its appeal (恶意诉求) is approved: exempted (核减) |
/// | h8 | cancelled (作废) |
/// | h9 | h3's requester calls again the same morning: linked to h3 as a repeat (重复诉求) |
/// | h10 | a duplicate of h4 from another caller, merged (并单) but not a repeat |
///
/// Received 10; counted 6 (h1–h6: h7 exempted, h8 cancelled, h9 and h10 merged); assessable 7.
@Suite struct HotlineIndicatorTests {
    typealias F = MetricsFixture
    static let entry = F.uuid(0xCE)

    static func scripts() throws -> [OrderScript] {
        let ids = (0x61...0x6A).map { F.uuid(UInt8($0)) }
        var h1 = try OrderScript(ids[0], createdAt: "2025-04-14 09:00")
        try h1(.accept(note: nil), by: F.operatorStaff, at: "2025-04-14 09:01")
        try h1(.answerDirectly(answer: "带身份证到社保窗口办理", knowledgeEntryID: entry, requestKind: .inquiry), by: F.operatorStaff, at: "2025-04-14 09:03")

        var h2 = try OrderScript(ids[1], createdAt: "2025-04-14 09:10")
        try h2(.answerDirectly(answer: "公交卡在营业厅补办", knowledgeEntryID: nil, requestKind: .inquiry), by: F.operatorStaff, at: "2025-04-14 09:12")

        var h3 = try OrderScript(ids[2], createdAt: "2025-04-14 09:00")
        try h3.receive(at: "2025-04-14 09:01", dispatchingTo: F.unitA, at: "2025-04-14 09:02")
        try h3(.sign, at: "2025-04-14 09:12")
        try h3(.complete(note: "已修复", photoIDs: []), at: "2025-04-15 10:00")
        try h3.revisit(.satisfied, solved: true, at: "2025-04-15 15:00")

        var h4 = try OrderScript(ids[3], createdAt: "2025-04-14 09:00")
        try h4.receive(at: "2025-04-14 09:01", dispatchingTo: F.unitA, at: "2025-04-14 09:02")
        try h4(.sign, at: "2025-04-14 09:47")
        try h4(.complete(note: "已清理", photoIDs: []), at: "2025-04-15 10:00")

        var h5 = try OrderScript(ids[4], createdAt: "2025-04-14 09:00")
        try h5.receive(at: "2025-04-14 09:01", dispatchingTo: F.unitA, at: "2025-04-14 09:02")
        try h5(.returnOrder(reason: "不属于本单位职责"), at: "2025-04-14 09:20")
        try h5(.approveReturn(note: nil), by: F.dispatcher, at: "2025-04-14 09:30")
        try h5(.redispatch(departmentID: F.unitB, reason: "属供水公司职责"), by: F.dispatcher, at: "2025-04-14 09:31")
        try h5(.sign, at: "2025-04-14 09:36")
        try h5(.complete(note: "已处理", photoIDs: []), at: "2025-04-15 11:00")
        try h5.revisit(.basicallySatisfied, solved: true, at: "2025-04-16 09:00")

        var h6 = try OrderScript(ids[5], createdAt: "2025-04-14 09:00")
        try h6.receive(at: "2025-04-14 09:01", dispatchingTo: F.unitB, at: "2025-04-14 09:02")
        try h6(.returnOrder(reason: "不属于本单位职责"), at: "2025-04-14 09:05")
        try h6(.refuseReturn(reason: "属于本单位职责"), by: F.dispatcher, at: "2025-04-14 09:10")
        try h6(.sign, at: "2025-04-14 09:15")

        var h7 = try OrderScript(ids[6], createdAt: "2025-04-14 09:00")
        try h7.receive(at: "2025-04-14 09:01", dispatchingTo: F.unitB, at: "2025-04-14 09:02")
        try h7(.sign, at: "2025-04-14 09:50")
        try h7(.appealAssessment(kind: .malicious, reason: "同一人一月内第五次无理投诉", photoIDs: []), at: "2025-04-14 10:00")
        try h7(.decideAppeal(approved: true, note: nil), by: F.supervisor, at: "2025-04-14 11:00")

        var h8 = try OrderScript(ids[7], createdAt: "2025-04-14 09:00")
        try h8(.cancel(reason: "重复来电"), by: F.operatorStaff, at: "2025-04-14 09:05")
        var h9 = try OrderScript(ids[8], createdAt: "2025-04-14 10:00")
        try h9(.accept(note: nil), by: F.operatorStaff, at: "2025-04-14 10:01")
        try h9(.merge(parentID: ids[2], repeatedRequest: true), by: .system, at: "2025-04-14 10:01")

        var h10 = try OrderScript(ids[9], createdAt: "2025-04-14 10:30")
        try h10(.accept(note: nil), by: F.operatorStaff, at: "2025-04-14 10:31")
        try h10(.merge(parentID: ids[3]), by: F.operatorStaff, at: "2025-04-14 10:32")
        return [h1, h2, h3, h4, h5, h6, h7, h8, h9, h10]
    }

    let facts: [OrderFact]
    let counters: RollupCounters
    let settings = IndicatorSettings()

    init() throws {
        facts = try Self.scripts().map(\.fact)
        counters = RollupCounters(facts)
    }

    @Test func theBaseCounts() {
        #expect(counters.received == 10)
        #expect(counters.merged == 2)
        #expect(counters.cancelled == 1)
        #expect(counters.exempted == 1)
        #expect(counters.counted == 6)
        #expect(counters.assessable == 7)
    }

    @Test func directAnswerRateIsAnsweredOnTheCallOverCounted() {
        // h1 and h2 of the six counted orders.
        let value = settings.directAnswerRate.value(of: counters)
        #expect(value.numerator == 2 && value.denominator == 6)
        #expect(facts[0].status == .closed && facts[1].status == .closed)
    }

    @Test func knowledgeHitRateIsAnswersFromAnEntryOverDirectAnswers() {
        // h1 of h1, h2.
        let value = settings.knowledgeHitRate.value(of: counters)
        #expect(value.numerator == 1 && value.denominator == 2 && value.value == 0.5)
    }

    @Test func signOnTimeRateJudgesTheRoundThatStands() {
        // Sign clocks ended: h3 ✓ (10 min), h4 ✗ (45 min), h5 ✓ (unit B, 5 min after its dispatch), h6 ✓ (13 min);
        // h7 is exempted; h1, h2 were never dispatched → 3 of 4.
        let value = settings.signOnTimeRate.value(of: counters)
        #expect(value.numerator == 3 && value.denominator == 4)
        #expect(settings.signOnTimeRate.definition.name.zh == "及时签收率")
    }

    @Test func returnRateCountsOnlyApprovedReturns() {
        // Dispatched and counted: h3, h4, h5, h6; returned with approval: h5 (h6's return was refused) → 1 of 4.
        let value = settings.returnRate.value(of: counters)
        #expect(value.numerator == 1 && value.denominator == 4)
        #expect(facts[4].returnCount == 1 && facts[5].returnCount == nil)
        #expect(!settings.returnRate.definition.higherIsBetter)
    }

    @Test func revisitRateIsEvaluatedOverOrdersReportedDone() {
        // Reported done: h1, h2 (the direct answer is the result), h3, h4, h5; evaluated h3, h5 → 2 of 5.
        let value = settings.revisitRate.value(of: counters)
        #expect(value.numerator == 2 && value.denominator == 5)
    }

    @Test func exemptionRateAndCountWithTheReason() {
        // h7 of the seven orders not cancelled or merged; its reason is kept for the drill-down.
        let value = settings.exemptionRate.value(of: counters)
        #expect(value.numerator == 1 && value.denominator == 7)
        #expect(facts[6].exemptionKind == .malicious)
        #expect(settings.exemptionRate.definition.formula.zh.contains("核减数"))
    }

    @Test func repeatRateIsRepeatCallsOverEveryCallReceived() {
        // h9 of the ten calls; h10 is a merged duplicate from another caller, not a repeat.
        let value = settings.repeatRate.value(of: counters)
        #expect(value.numerator == 1 && value.denominator == 10)
        #expect(facts[8].linkedAsRepeat == true && facts[9].linkedAsRepeat == nil)
    }

    @Test func eachNewRateListsExactlyTheOrdersItCounted() {
        let ids: Set<IndicatorID> = [
            .directAnswerRate, .knowledgeHitRate, .signOnTimeRate, .returnRate, .revisitRate, .exemptionRate, .repeatRate,
        ]
        for indicator in settings.orderRatios where ids.contains(indicator.definition.id) {
            let value = indicator.value(of: counters)
            #expect(Double(facts.filter(indicator.denominatorIncludes).count) == value.denominator, "\(indicator.definition.id)")
            #expect(Double(facts.filter(indicator.numeratorIncludes).count) == value.numerator, "\(indicator.definition.id)")
            // The drill-down measures select the same orders.
            let measures = settings.measures(of: indicator.definition.id)
            #expect(measures != nil)
            if let measures {
                #expect(facts.filter(measures.denominator.includes).count == Int(value.denominator ?? -1), "\(indicator.definition.id)")
                #expect(facts.filter { fact in measures.numerator.contains { $0.includes(fact) } }.count == Int(value.numerator ?? -1))
            }
        }
    }

    @Test func rowsKeptEventByEventEqualTheFacts() throws {
        var table = RollupTable()
        for script in try Self.scripts() {
            var fact: OrderFact?
            var clocks = WorkOrderClocks()
            for event in script.events {
                clocks.apply(event, policy: script.policy)
                let next =
                    try fact.map { $0.applying(event, clocks: clocks, in: script.calendar) }
                    ?? OrderFact(created: event, dimensions: F.dimensions(), clocks: clocks, in: script.calendar)
                table.apply(RollupCounters.delta(from: fact, to: next))
                fact = next
            }
        }
        #expect(table.total(matching: RollupFilter()) == counters)
    }
}
