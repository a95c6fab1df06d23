import Testing
import LianxinCore

@Suite("我陪群众走流程 and 三高包保: the task's guard table, overdue, rectified share, the tier ↔ leader level rule, the trend")
struct LeaderDutyTests {
    @Test func aTaskIsRectifiedThenConfirmedOrSentBack() {
        #expect(LeaderDuty.apply(.rectify, to: .open) == .rectified)
        #expect(LeaderDuty.apply(.confirm, to: .rectified) == .confirmed)
        #expect(LeaderDuty.apply(.reopen, to: .rectified) == .open)
        #expect(LeaderDuty.apply(.confirm, to: .open) == nil, "nothing to confirm before the unit reports")
        #expect(LeaderDuty.apply(.rectify, to: .confirmed) == nil)
        #expect(LeaderDuty.apply(.reopen, to: .confirmed) == nil)
    }

    @Test func onlyAnOpenTaskPastItsDayIsOverdue() {
        let deadline = LocalDate(year: 2026, month: 12, day: 1)!
        #expect(!LeaderDuty.isOverdue(.open, deadline: deadline, today: deadline))
        #expect(LeaderDuty.isOverdue(.open, deadline: deadline, today: deadline.adding(days: 1)))
        #expect(!LeaderDuty.isOverdue(.rectified, deadline: deadline, today: deadline.adding(days: 9)))
        #expect(LeaderDuty.rectifiedPercent(problems: 3, rectified: 2) == 67)
        #expect(LeaderDuty.rectifiedPercent(problems: 0, rectified: 0) == nil)
    }

    @Test func eachTierIsOwnedByOneLevelOfLeaderInTheirOwnDivision() {
        let city = DivisionCode("3611")!
        let county = DivisionCode("361102")!
        let township = DivisionCode("361102001")!
        let community = DivisionCode("361102001001")!
        #expect(ThreeHighs.check(tier: .highRisk, leader: city, matter: county) == nil)
        #expect(ThreeHighs.check(tier: .highFrequency, leader: county, matter: township) == nil)
        #expect(ThreeHighs.check(tier: .highIncidence, leader: township, matter: community) == nil)
        #expect(ThreeHighs.check(tier: .highRisk, leader: township, matter: community) == .wrongLevel)
        #expect(ThreeHighs.check(tier: .highIncidence, leader: city, matter: community) == .wrongLevel)
        #expect(ThreeHighs.check(tier: .highFrequency, leader: county, matter: DivisionCode("361103")!) == .outsideLeaderDivision)
    }

    @Test func theCurrentMonthIsProjectedAgainstTheThreeBefore() {
        // 10 orders in 15 of 30 days → 20 projected against a mean of 10: rising.
        #expect(ThreeHighs.trend(monthly: [99, 10, 10, 10, 10], elapsed: 15, length: 30) == .rising)
        #expect(ThreeHighs.trend(monthly: [10, 10, 10, 5], elapsed: 15, length: 30) == .steady)
        #expect(ThreeHighs.trend(monthly: [10, 10, 10, 2], elapsed: 15, length: 30) == .falling)
        #expect(ThreeHighs.trend(monthly: [0, 0, 0, 2], elapsed: 3, length: 31) == .new)
        #expect(ThreeHighs.trend(monthly: [0, 0, 0, 0], elapsed: 3, length: 31) == .steady)
    }
}
