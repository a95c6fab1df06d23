import Foundation
import LianxinCore
import Testing

@Suite struct OccurrencesTests {
    private func window(_ start: String, _ end: String) throws -> TimeWindow {
        try TimeWindow(start: #require(TimeOfDay(start)), end: #require(TimeOfDay(end)))
    }

    private func days(_ rule: RecurrenceRule, _ first: LocalDate, _ last: LocalDate) -> [LocalDate] {
        rule.occurrences(from: first, through: last).map(\.day)
    }

    @Test func theRedTentOpensEveryThursdayAfternoonInBeijingTime() throws {
        let rule = try RecurrenceRule(.weekly(weekdays: [.thursday]), window: window("14:00", "17:00"))
        let march = rule.occurrences(from: "2025-03-01", through: "2025-03-31")
        #expect(march.map(\.day) == ["2025-03-06", "2025-03-13", "2025-03-20", "2025-03-27"])
        #expect(march.first?.start == CommunityFixtures.instant("2025-03-06 14:00"))
        #expect(march.first?.end == CommunityFixtures.instant("2025-03-06 17:00"))
    }

    @Test func theMobileMarketIsOnTheFirstSaturdayOfEveryMonth() throws {
        let rule = try RecurrenceRule(.monthlyByWeekday(ordinal: .first, weekday: .saturday), window: window("08:00", "12:00"))
        #expect(
            days(rule, "2025-01-01", "2025-06-30")
                == ["2025-01-04", "2025-02-01", "2025-03-01", "2025-04-05", "2025-05-03", "2025-06-07"])
    }

    @Test func theLastFridayIsTheOneWithNoFridayAfterItInTheMonth() throws {
        let rule = try RecurrenceRule(.monthlyByWeekday(ordinal: .last, weekday: .friday), window: window("19:00", "21:00"))
        #expect(days(rule, "2025-01-01", "2025-03-31") == ["2025-01-31", "2025-02-28", "2025-03-28"])
    }

    @Test func aDayOfMonthThatAMonthLacksIsSkippedThatMonth() throws {
        let rule = try RecurrenceRule(.monthlyByDay(day: 31), window: window("09:00", "11:00"))
        #expect(days(rule, "2025-01-01", "2025-05-31") == ["2025-01-31", "2025-03-31", "2025-05-31"])
    }

    @Test func marketDaysEndingInThreeSixOrNineRunThroughTheLeapSixthMonthOf2025() throws {
        let rule = try RecurrenceRule(.lunarMarketDays(digits: [3, 6, 9]), window: window("07:00", "12:00"))
        #expect(
            days(rule, "2025-07-01", "2025-08-31") == [
                "2025-07-03", "2025-07-07", "2025-07-10", "2025-07-13", "2025-07-17", "2025-07-20", "2025-07-23",
                "2025-07-27", "2025-07-30", "2025-08-02", "2025-08-06", "2025-08-09", "2025-08-12", "2025-08-16",
                "2025-08-19", "2025-08-22", "2025-08-25", "2025-08-28", "2025-08-31",
            ])
    }

    @Test func marketDaysOnFivesAndTensHaveNoThirtiethInATwentyNineDayMonth() throws {
        // 冬月 of 乙巳 has a 三十 (2026-01-18); 腊月 has 29 days, so after 廿五 the next market is 正月初五.
        let rule = try RecurrenceRule(.lunarMarketDays(digits: [5, 0]), window: window("07:00", "11:00"))
        #expect(
            days(rule, "2026-01-15", "2026-02-22") == [
                "2026-01-18", "2026-01-23", "2026-01-28", "2026-02-02", "2026-02-07", "2026-02-12", "2026-02-21",
            ])
    }

    @Test func marketDaysOnOnesFoursAndSevensFollowTheLunarMonthNotTheGregorian() throws {
        let rule = try RecurrenceRule(.lunarMarketDays(digits: [1, 4, 7]), window: window("07:00", "11:00"))
        #expect(
            days(rule, "2025-12-01", "2025-12-31") == [
                "2025-12-03", "2025-12-06", "2025-12-10", "2025-12-13", "2025-12-16", "2025-12-20", "2025-12-23",
                "2025-12-26", "2025-12-30",
            ])
    }

    @Test func aOneOffEventOccursOnlyOnItsDay() throws {
        let rule = try RecurrenceRule(.once(date: "2025-03-06"), window: window("09:00", "11:00"))
        #expect(days(rule, "2025-01-01", "2025-12-31") == ["2025-03-06"])
    }

    @Test func skippedDatesAreLeftOut() throws {
        let rule = try RecurrenceRule(
            .weekly(weekdays: [.thursday]), window: window("14:00", "17:00"), skippedDates: ["2025-03-13"])
        #expect(days(rule, "2025-03-01", "2025-03-20") == ["2025-03-06", "2025-03-20"])
    }

    @Test func holidaysAreLeftOutOnlyWhenTheRuleSkipsThem() throws {
        let holidays: Set<LocalDate> = ["2025-10-01", "2025-10-02", "2025-10-03"]
        let office = try RecurrenceRule(.weekly(weekdays: [.thursday]), window: window("14:00", "17:00"), skipsHolidays: true)
        let market = try RecurrenceRule(.weekly(weekdays: [.thursday]), window: window("14:00", "17:00"))
        #expect(
            office.occurrences(from: "2025-09-25", through: "2025-10-09", isHoliday: holidays.contains).map(\.day)
                == ["2025-09-25", "2025-10-09"])
        #expect(
            market.occurrences(from: "2025-09-25", through: "2025-10-09", isHoliday: holidays.contains).map(\.day)
                == ["2025-09-25", "2025-10-02", "2025-10-09"])
        #expect(!office.occurs(on: "2025-10-02", isHoliday: holidays.contains))
    }

    @Test func aReversedRangeHasNoOccurrences() throws {
        let rule = try RecurrenceRule(.weekly(weekdays: [.thursday]), window: window("14:00", "17:00"))
        #expect(rule.occurrences(from: "2025-03-31", through: "2025-03-01").isEmpty)
    }

    @Test func summerTimeOf1986To1991IsHonoured() throws {
        // Beijing kept UTC+9 in the summers of 1986–1991.
        let rule = try RecurrenceRule(.once(date: "1988-06-02"), window: window("14:00", "17:00"))
        let summer = try #require(rule.occurrences(from: "1988-06-02", through: "1988-06-02").first)
        #expect(summer.start == ISO8601DateFormatter().date(from: "1988-06-02T14:00:00+09:00"))
    }

    @Test func marketDaysOutsideTheLunarTableNeverOccur() throws {
        let rule = try RecurrenceRule(.lunarMarketDays(digits: [1]), window: window("07:00", "11:00"))
        #expect(days(rule, "1899-01-01", "1899-12-31").isEmpty)
    }
}
