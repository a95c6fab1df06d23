import Foundation
import Testing
@testable import LianxinCore

/// The fact of an order follows its events: the reducer, the replay and the stored form agree.
@Suite struct OrderFactTests {
    typealias F = MetricsFixture

    @Test func keepingTheFactEventByEventEqualsReplayingTheHistory() throws {
        for script in try QingmingFixture.scripts() {
            for length in 1...script.events.count {
                let prefix = Array(script.events.prefix(length))
                var clocks = WorkOrderClocks()
                clocks.apply(prefix[0], policy: script.policy)
                var fact = try OrderFact(created: prefix[0], dimensions: script.fact.dimensions, clocks: clocks, in: .china)
                for event in prefix.dropFirst() {
                    clocks.apply(event, policy: script.policy)
                    fact = fact.applying(event, clocks: clocks, in: .china)
                }
                let replayed = try OrderFact.from(
                    events: prefix, dimensions: script.fact.dimensions, policy: script.policy, in: .china)
                #expect(replayed == fact)
            }
            #expect(
                try OrderFact.from(
                    events: script.events, dimensions: script.fact.dimensions, policy: script.policy, in: .china) == script.fact)
        }
    }

    @Test func theFactRecordsWhoHasTheOrderAndWhatHappenedToIt() {
        let facts = QingmingFixture.facts
        let o1 = facts[0], o2 = facts[1], o3 = facts[2]
        #expect(o1.departmentID == F.unitA)
        #expect(o1.dispatchedAt == F.at("2025-04-02 09:02"))
        #expect(o1.signedAt == F.at("2025-04-02 09:10"))
        #expect(o1.completedAt == F.at("2025-04-08 15:00"))
        #expect(o1.closedAt == F.at("2025-04-09 10:05"))
        #expect(o1.satisfaction == .satisfied && o1.solved == true)
        #expect(o1.stage(.sign)?.durationSeconds == 8 * 60)
        #expect(o2.extensionCount == 1)
        #expect(o2.stage(.sign)?.met == false)
        #expect(o3.reopenCount == 1)
        #expect(o3.completionCount == 2)
        #expect(o3.signedAt == F.at("2025-04-03 15:10"))
        #expect(o3.createdDay == "2025-04-02")
    }

    @Test func reopeningClearsTheResultButKeepsTheEvaluationUntilTheNextOne() {
        let o9 = QingmingFixture.facts[8]
        #expect(o9.status == .signed)
        #expect(o9.completedAt == nil)
        #expect(o9.satisfaction == .dissatisfied)
        #expect(o9.solved == false)
        #expect(o9.completionCount == 1)
        #expect(o9.stage(.complete)?.isRunning == true)
    }

    @Test func aMergedChildStaysMergedAfterClosingWithItsParent() {
        let o6 = QingmingFixture.facts[5]
        #expect(o6.status == .closed)
        #expect(o6.parentID == QingmingFixture.ids[0])
        #expect(o6.isMergedChild)
        #expect(!o6.isCounted)
    }

    @Test func aCancelledOrderIsNotCountedAndNeverOverdue() {
        let o5 = QingmingFixture.facts[4]
        #expect(o5.isCancelled)
        #expect(!o5.isCounted)
        #expect(o5.stages.isEmpty)
        #expect(o5.overdueAfter() == nil)
    }

    @Test func aShelvedOrderIsNeverOverdueAndCountsAgainOnceUnshelved() throws {
        var order = try OrderScript(F.uuid(0x72), createdAt: "2025-04-02 11:00")
        try order.receive(at: "2025-04-02 11:01", dispatchingTo: F.unitA, at: "2025-04-02 11:02")
        try order(.shelve(reason: "需纳入预算"), by: F.supervisor, at: "2025-04-02 11:40")
        #expect(order.fact.overdueAfter() == nil)
        #expect(order.fact.stage(.sign)?.overdueAfter == F.at("2025-04-02 11:32"))
        try order(.unshelve(note: nil), by: F.supervisor, at: "2025-04-03 09:00")
        #expect(order.fact.isOverdue(at: F.at("2025-04-03 09:01")))
    }

    @Test func anOrderWaitingOnTheRequesterInTimeIsNotOverdue() throws {
        var order = try OrderScript(F.uuid(0x73), createdAt: "2025-04-02 11:00")
        try order.receive(at: "2025-04-02 11:01", dispatchingTo: F.unitA, at: "2025-04-02 11:02")
        try order(.sign, at: "2025-04-02 11:10")
        try order(.pauseForRequester(reason: "等待材料"), at: "2025-04-03 09:00")
        #expect(order.fact.overdueAfter() == nil)
        #expect(!order.fact.isOverdue(at: F.at("2025-05-30 09:00")))
    }

    @Test func anOrderNotCreatedFirstCannotStartAFact() throws {
        let events = try QingmingFixture.scripts()[0].events
        #expect(throws: WorkOrderReplayError.notStartedByCreation) {
            try OrderFact.from(events: Array(events.dropFirst()), dimensions: F.dimensions(), policy: F.policy, in: .china)
        }
        #expect(throws: WorkOrderReplayError.outOfSequence(expected: 2, found: 3)) {
            try OrderFact.from(events: [events[0], events[2]], dimensions: F.dimensions(), policy: F.policy, in: .china)
        }
        #expect(throws: WorkOrderReplayError.noEvents) {
            try OrderFact.from(events: [], dimensions: F.dimensions(), policy: F.policy, in: .china)
        }
    }

    @Test func aFactSurvivesStorage() throws {
        let facts = QingmingFixture.facts
        let stored = try JSONDecoder().decode([OrderFact].self, from: JSONEncoder().encode(facts))
        #expect(stored == facts)
    }

    @Test func item06_anApprovedAppealLeavesTheRatesButNotTheIntake() throws {
        var order = try OrderScript(F.uuid(0x74), createdAt: "2025-04-02 11:00")
        try order.receive(at: "2025-04-02 11:01", dispatchingTo: F.unitA, at: "2025-04-02 11:02")
        try order(.sign, at: "2025-04-02 11:10")
        let before = RollupCounters(order.fact)
        #expect(order.fact.isCounted && before.dispatched == 1)
        try order(.appealAssessment(kind: .unreasonable, reason: "要求超出政策规定", photoIDs: []), at: "2025-04-03 09:00")
        #expect(order.fact.isCounted, "a waiting appeal changes nothing")
        try order(.decideAppeal(approved: true, note: nil), by: F.supervisor, at: "2025-04-03 10:00")
        #expect(!order.fact.isCounted && order.fact.exemptedFromAssessment == true)
        let after = RollupCounters(order.fact)
        #expect(after.received == 1 && after.dispatched == 0 && after.open == 0)
        #expect(order.fact.overdueAfter() == nil)
    }
}
