import Foundation
import LianxinCore
import Testing

@Suite struct LunarRoundTripTests {
    @Test func everyDayFrom1901Through2099ConvertsToLunarAndBack() throws {
        var day: LocalDate = "1901-01-01"
        var previous = try LunarDate(day.adding(days: -1))
        while day <= "2099-12-31" {
            let lunar = try LunarDate(day)
            let back = try LunarDate(year: lunar.year, month: lunar.month, day: lunar.day, isLeapMonth: lunar.isLeapMonth)
            guard back.gregorian == day, lunar.gregorian == day else {
                Issue.record("\(day) → \(lunar) → \(back.gregorian)")
                return
            }
            // Consecutive days either step one day within a month or start a month at 初一.
            let continues = lunar.day == previous.day + 1 && lunar.month == previous.month && lunar.isLeapMonth == previous.isLeapMonth
            guard continues || (lunar.day == 1 && previous.day == previous.daysInMonth) else {
                Issue.record("\(previous) is followed by \(lunar) on \(day)")
                return
            }
            previous = lunar
            day = day.adding(days: 1)
        }
    }

    @Test func lunarYearsHaveTwelveOrThirteenMonthsOfPlausibleLength() throws {
        for year in LunarDate.supportedYears.dropLast() {
            let length =
                try LunarDate(year: year + 1, month: 1, day: 1).gregorian.daysSinceEpoch
                - LunarDate(year: year, month: 1, day: 1).gregorian.daysSinceEpoch
            let expected = LunarDate.leapMonth(in: year) == nil ? 353...355 : 383...385
            #expect(expected.contains(length), "lunar \(year) has \(length) days")
        }
    }

    @Test func foundationsChineseCalendarAgreesFrom1950Through2050() throws {
        // A cross-check only: ICU's Chinese calendar departs from the published tables in 1914, 1916, 1920, 2057 and
        // 2097 (a new moon close to midnight, or the pre-1929 meridian), so the comparison keeps to a safe span.
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        var day: LocalDate = "1950-01-01"
        while day <= "2050-12-31" {
            let noon = Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch * 86_400 + 4 * 3_600))
            let expected = chinese.dateComponents([.month, .day, .isLeapMonth], from: noon)
            let lunar = try LunarDate(day)
            guard expected.month == lunar.month, expected.day == lunar.day, expected.isLeapMonth == lunar.isLeapMonth else {
                Issue.record("\(day): ours \(lunar), Foundation's \(expected)")
                return
            }
            day = day.adding(days: 1)
        }
    }
}
