import LianxinCore
import Testing

@Suite struct MeetingRulesTests {
    @Test func topicsAreCollectedOnlyBeforeTheMeeting() throws {
        try MeetingRules.checkCollecting(.collecting)
        #expect(throws: MeetingRuleError.wrongStage(expected: .collecting, actual: .held)) { try MeetingRules.checkCollecting(.held) }
        #expect(throws: MeetingRuleError.wrongStage(expected: .collecting, actual: .published)) {
            try MeetingRules.checkCollecting(.published)
        }
    }

    @Test func holdingNeedsMinutesAndSomeoneAttending() throws {
        try MeetingRules.checkHolding(.collecting, minutes: "讨论停车难问题", attendance: 35)
        #expect(throws: MeetingRuleError.missingMinutes) { try MeetingRules.checkHolding(.collecting, minutes: "  ", attendance: 3) }
        #expect(throws: MeetingRuleError.noAttendance) { try MeetingRules.checkHolding(.collecting, minutes: "纪要", attendance: 0) }
        #expect(throws: MeetingRuleError.wrongStage(expected: .collecting, actual: .held)) {
            try MeetingRules.checkHolding(.held, minutes: "纪要", attendance: 3)
        }
    }

    @Test func anOpinionIsResolvedOnceAndOnlyAfterTheMeeting() throws {
        try MeetingRules.checkResolving(.held, opinion: .pending)
        #expect(throws: MeetingRuleError.opinionAlreadyResolved) { try MeetingRules.checkResolving(.held, opinion: .answered) }
        #expect(throws: MeetingRuleError.opinionAlreadyResolved) { try MeetingRules.checkResolving(.held, opinion: .workOrder) }
        #expect(throws: MeetingRuleError.wrongStage(expected: .held, actual: .collecting)) {
            try MeetingRules.checkResolving(.collecting, opinion: .pending)
        }
    }

    @Test func resultsArePublishedOnlyWhenEveryOpinionHasAnOutcome() throws {
        try MeetingRules.checkPublishing(.held, opinions: [.answered, .workOrder])
        try MeetingRules.checkPublishing(.held, opinions: [])
        #expect(throws: MeetingRuleError.pendingOpinions(2)) {
            try MeetingRules.checkPublishing(.held, opinions: [.answered, .pending, .pending])
        }
        #expect(throws: MeetingRuleError.wrongStage(expected: .held, actual: .published)) {
            try MeetingRules.checkPublishing(.published, opinions: [.answered])
        }
        #expect(MeetingRuleError.pendingOpinions(2).message(in: .zhCN).contains("2 条意见"))
    }

    @Test func eventRequestsAreTalliedByOutcome() {
        let tally = EventRequestTally(Array(repeating: .solvedOnSite, count: 72) + Array(repeating: .workOrder, count: 138))
        #expect(tally.collected == 210 && tally.solvedOnSite == 72 && tally.becameOrders == 138)
        #expect(tally.onSiteRate.map { abs($0 - 72.0 / 210.0) < 1e-12 } == true)
        #expect(EventRequestTally([]).onSiteRate == nil)
    }
}
