import LianxinCore
import Testing

@Suite("新就业群体: the growth path one stage at a time with its criteria, the 80 % tuition subsidy, its checks and public notice")
struct NewEmploymentRulesTests {
    @Test func theGrowthPathMovesOneStageAtATimeWhenTheCriteriaHold() throws {
        #expect(GrowthStage.mostBeautiful.next == .partTimeGridMember && GrowthStage.communityWorker.next == nil)
        try GrowthPath.check(from: .mostBeautiful, to: .partTimeGridMember, reports: 10, months: 6)
        #expect(throws: GrowthPath.Refusal.notTheNextStage(.partTimeGridMember)) {
            try GrowthPath.check(from: .mostBeautiful, to: .fullTimeGridMember, reports: 500, months: 60)
        }
        #expect(throws: GrowthPath.Refusal.tooFewReports(have: 9, need: 10)) {
            try GrowthPath.check(from: .mostBeautiful, to: .partTimeGridMember, reports: 9, months: 6)
        }
        #expect(throws: GrowthPath.Refusal.tooFewMonths(have: 11, need: 12)) {
            try GrowthPath.check(from: .partTimeGridMember, to: .fullTimeGridMember, reports: 50, months: 11)
        }
    }

    @Test func monthsCountOnceTheDayIsReached() {
        #expect(GrowthPath.months(from: (2025, 6, 15), to: (2026, 6, 14)) == 11)
        #expect(GrowthPath.months(from: (2025, 6, 15), to: (2026, 6, 15)) == 12)
        #expect(GrowthPath.months(from: (2026, 6, 15), to: (2026, 1, 1)) == 0)
    }

    @Test func theSubsidyIsEightyPercentOfTheFees() {
        #expect(TuitionSubsidy.amount(feesFen: 650_000) == 520_000)
        #expect(TuitionSubsidy.amount(feesFen: 333) == 266, "rounded down to the fen")
    }

    @Test func applyingNeedsTheDiplomaAndAYearInTheTrade() {
        #expect(TuitionSubsidy.problems(feesFen: 650_000, diplomaDay: 100, today: 100, monthsWorked: 12).isEmpty)
        #expect(TuitionSubsidy.problems(feesFen: 650_000, diplomaDay: nil, today: 100, monthsWorked: 12) == [.noDiploma])
        #expect(TuitionSubsidy.problems(feesFen: 650_000, diplomaDay: 101, today: 100, monthsWorked: 12) == [.noDiploma])
        #expect(TuitionSubsidy.problems(feesFen: 0, diplomaDay: 90, today: 100, monthsWorked: 11) == [.fees, .notAYearInTrade(months: 11)])
    }

    @Test func approvalWaitsForTheEndOfTheNoticeAndAnObjectionStopsIt() throws {
        #expect(try TuitionSubsidy.apply(.publish, to: .applied, today: 100, noticeEnds: nil, note: "") == .onNotice)
        #expect(throws: TuitionSubsidy.Refusal.noticeRunning(daysLeft: 1)) {
            try TuitionSubsidy.apply(.approve, to: .onNotice, today: 104, noticeEnds: 104, note: "")
        }
        #expect(try TuitionSubsidy.apply(.approve, to: .onNotice, today: 105, noticeEnds: 104, note: "") == .approved)
        #expect(throws: TuitionSubsidy.Refusal.reasonRequired) {
            try TuitionSubsidy.apply(.object, to: .onNotice, today: 101, noticeEnds: 104, note: "")
        }
        #expect(try TuitionSubsidy.apply(.object, to: .onNotice, today: 101, noticeEnds: 104, note: "从业时间不实") == .objected)
        #expect(throws: TuitionSubsidy.Refusal.notAllowed(.objected, .approve)) {
            try TuitionSubsidy.apply(.approve, to: .objected, today: 200, noticeEnds: 104, note: "")
        }
        #expect(try TuitionSubsidy.apply(.refuse, to: .objected, today: 102, noticeEnds: 104, note: "核实从业不满一年") == .refused)
        #expect(throws: TuitionSubsidy.Refusal.notAllowed(.approved, .publish)) {
            try TuitionSubsidy.apply(.publish, to: .approved, today: 200, noticeEnds: 104, note: "")
        }
    }
}
