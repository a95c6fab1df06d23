import Foundation
import Testing
import LianxinCore

@Suite struct VisitPolicyTests {
    let calendar = VisitPolicy.chinaCalendar
    let policy = VisitPolicy(rules: [
        VisitRule(tagID: ResidentTag.livingAloneElderly.id, cadence: .daily),
        VisitRule(tagID: ResidentTag.hardship.id, cadence: .weekly),
        VisitRule(tagID: ResidentTag.disabled.id, cadence: .monthly),
        VisitRule(tagID: ResidentTag.inDispute.id, cadence: .everyDays(3)),
        VisitRule(tagID: ResidentTag.floating.id, cadence: .onChange),
    ])

    func day(_ year: Int, _ month: Int, _ day: Int, hour: Int = 10) -> Date {
        calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour))!
    }

    @Test func aDailyVisitYesterdayIsDueTodayAndNotOverdue() {
        let due = policy.due(tags: ["livingAloneElderly"], lastVisit: day(2025, 3, 9), now: day(2025, 3, 10))
        #expect(due.dueDay == calendar.startOfDay(for: day(2025, 3, 10)))
        #expect(!due.isOverdue)
        #expect(due.governingTag == "livingAloneElderly")
    }

    @Test func missedDaysCountAsOverdue() {
        let due = policy.due(tags: ["livingAloneElderly"], lastVisit: day(2025, 3, 7, hour: 23), now: day(2025, 3, 10, hour: 1))
        #expect(due.isOverdue)
        #expect(due.daysOverdue == 2)
    }

    @Test func weeklyEveryNDaysAndMonthlyCadencesCountCalendarDays() {
        #expect(policy.due(tags: ["hardship"], lastVisit: day(2025, 3, 3), now: day(2025, 3, 5)).dueDay == calendar.startOfDay(for: day(2025, 3, 10)))
        #expect(policy.due(tags: ["inDispute"], lastVisit: day(2025, 3, 3), now: day(2025, 3, 5)).dueDay == calendar.startOfDay(for: day(2025, 3, 6)))
        #expect(
            policy.due(tags: ["disabled"], lastVisit: day(2024, 1, 31), now: day(2024, 2, 1)).dueDay == calendar.startOfDay(for: day(2024, 2, 29)))
    }

    @Test func aHouseholdNeverVisitedIsDueToday() {
        let due = policy.due(tags: ["hardship"], lastVisit: nil, now: day(2025, 3, 10))
        #expect(due.dueDay == calendar.startOfDay(for: day(2025, 3, 10)))
        #expect(!due.isOverdue)
    }

    @Test func aChangeAfterTheLastVisitMakesAVisitDueTheNextDay() {
        let due = policy.due(tags: ["floating"], lastVisit: day(2025, 3, 1), lastChange: day(2025, 3, 8), now: day(2025, 3, 10))
        #expect(due.dueDay == calendar.startOfDay(for: day(2025, 3, 9)))
        #expect(due.daysOverdue == 1)
        #expect(policy.due(tags: ["floating"], lastVisit: day(2025, 3, 9), lastChange: day(2025, 3, 8), now: day(2025, 3, 10)).dueDay == nil)
    }

    @Test func theStrictestTagDecidesAndUntaggedHouseholdsFollowTheDefault() {
        let due = policy.due(tags: ["hardship", "livingAloneElderly", "unknown"], lastVisit: day(2025, 3, 9), now: day(2025, 3, 9))
        #expect(due.governingTag == "livingAloneElderly")
        #expect(policy.due(tags: [], lastVisit: nil, now: day(2025, 3, 9)).dueDay == nil)
        let everyone = VisitPolicy(rules: [], defaultCadence: .daily)
        #expect(everyone.due(tags: [], lastVisit: day(2025, 3, 1), now: day(2025, 3, 9)).daysOverdue == 7)
    }

    @Test func moreOverdueVisitsComeFirst() {
        let late = VisitDue(dueDay: day(2025, 3, 1), daysOverdue: 8, governingTag: nil)
        let today = VisitDue(dueDay: day(2025, 3, 9), daysOverdue: 0, governingTag: nil)
        let later = VisitDue(dueDay: day(2025, 3, 12), daysOverdue: 0, governingTag: nil)
        let none = VisitDue(dueDay: nil, daysOverdue: 0, governingTag: nil)
        #expect([none, later, today, late].sorted { $0.isMoreUrgent(than: $1) } == [late, today, later, none])
    }

    @Test func cadencesHaveATextForm() {
        for cadence in [VisitCadence.daily, .weekly, .monthly, .everyDays(3), .onChange] {
            #expect(VisitCadence(text: cadence.text) == cadence)
        }
        #expect(VisitCadence(text: "every:0") == nil)
        #expect(VisitCadence(text: "hourly") == nil)
    }

    @Test func theDefaultTagsCoverTheGlossary() {
        #expect(
            ResidentTag.defaults.map(\.id) == [
                "livingAloneElderly", "leftBehindChild", "hardship", "disabled", "seriouslyIll", "inDispute", "floating", "keyPerson",
            ])
        #expect(ResidentTag.livingAloneElderly.chineseLabel == "独居老人")
    }
}
