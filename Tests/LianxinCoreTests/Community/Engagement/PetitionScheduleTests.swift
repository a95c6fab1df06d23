import LianxinCore
import Testing

@Suite struct PetitionScheduleTests {
    private let schedule = PetitionSchedule()

    private func facts(
        _ id: String, _ received: LocalDate, first: Bool = true, answered: LocalDate? = nil,
        closed: LocalDate? = nil
    ) -> PetitionSchedule.Facts {
        .init(id: id, receivedOn: received, firstTime: first, answeredOn: answered, closedOn: closed)
    }

    @Test func theDailyListHoldsFirstTimePetitionsWithoutAReplyLongestWaitingFirst() {
        let petitions = [
            facts("a", "2026-03-01"), facts("b", "2026-03-10"), facts("c", "2026-03-02", answered: "2026-03-05"),
            facts("d", "2026-03-03", first: false), facts("e", "2026-03-20"), facts("f", "2026-03-04", answered: "2026-03-18"),
        ]
        let list = schedule.dailyList(petitions, on: "2026-03-17")
        #expect(list.map(\.id) == ["a", "f", "b"])
        #expect(list[0].daysWaiting == 16 && list[0].answerDue == "2026-03-16" && list[0].overdue)
        #expect(!list[1].overdue && list[1].daysWaiting == 13)
        #expect(schedule.dailyList(petitions, on: "2026-03-18").map(\.id) == ["a", "b"])
    }

    @Test func weeksRunFromMondayToSunday() {
        #expect(PetitionSchedule.week(containing: "2026-03-18") == "2026-03-16"..."2026-03-22")
        #expect(PetitionSchedule.week(containing: "2026-03-22") == "2026-03-16"..."2026-03-22")
        #expect(PetitionSchedule.week(containing: "2026-03-16") == "2026-03-16"..."2026-03-22")
    }

    @Test func theWeeklyReviewCoversNewPetitionsAndThoseStillOpenFromEarlier() {
        let petitions = [
            facts("old-open", "2026-02-20", answered: "2026-02-25"), facts("old-closed", "2026-02-20", answered: "2026-02-21", closed: "2026-03-01"),
            facts("new", "2026-03-17"), facts("new-answered", "2026-03-16", answered: "2026-03-18"),
            facts("late", "2026-03-02"), facts("next-week", "2026-03-24"),
        ]
        let review = schedule.weeklyReview(petitions, week: PetitionSchedule.week(containing: "2026-03-18"))
        #expect(review.ids == ["old-open", "late", "new-answered", "new"])
        #expect(review.figures == .init(received: 2, answered: 1, closed: 0, stillUnanswered: 2, overdue: 1))
    }

    @Test func theMonthlyReportCountsReceivedClosedOnTimeAndCarriedOver() throws {
        let march = try #require(PetitionSchedule.month(year: 2026, month: 3))
        #expect(march == "2026-03-01"..."2026-03-31")
        #expect(PetitionSchedule.month(year: 2026, month: 12) == "2026-12-01"..."2026-12-31")
        #expect(PetitionSchedule.month(year: 2026, month: 13) == nil)
        let petitions = [
            facts("a", "2026-03-02", answered: "2026-03-03", closed: "2026-03-20"),
            facts("b", "2026-03-05", first: false, answered: "2026-03-06"),
            facts("c", "2026-03-30"),
            facts("d", "2026-01-05", answered: "2026-01-08", closed: "2026-03-10"),
            facts("e", "2025-12-20", answered: "2025-12-22"),
            facts("f", "2026-04-01"),
        ]
        let report = schedule.monthReport(petitions, month: march)
        #expect(
            report
                == .init(
                    received: 3, firstTime: 2, answered: 2, closed: 2, closedOnTime: 1, receivedAndClosed: 1,
                    carriedOver: 3, overdueOpen: 1))
        #expect(report.closeRate.map { abs($0 - 1.0 / 3.0) < 1e-12 } == true)
        #expect(report.onTimeRate == 0.5)
    }

    @Test func aPetitionIsAnsweredThenClosedNeverBeforeItWasReceived() throws {
        try PetitionRules.checkAnswering(.received, on: "2026-03-02", received: "2026-03-01")
        #expect(throws: PetitionRuleError.beforeReceipt) { try PetitionRules.checkAnswering(.received, on: "2026-02-28", received: "2026-03-01") }
        #expect(throws: PetitionRuleError.wrongStatus(expected: .received, actual: .answered)) {
            try PetitionRules.checkAnswering(.answered, on: "2026-03-02", received: "2026-03-01")
        }
        try PetitionRules.checkClosing(.answered, on: "2026-03-02", received: "2026-03-01")
        #expect(throws: PetitionRuleError.wrongStatus(expected: .answered, actual: .received)) {
            try PetitionRules.checkClosing(.received, on: "2026-03-02", received: "2026-03-01")
        }
    }
}
