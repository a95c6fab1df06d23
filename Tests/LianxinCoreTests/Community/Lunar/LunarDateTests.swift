import LianxinCore
import Testing

@Suite struct LunarDateTests {
    @Test(
        arguments: [
            ("2024-02-10", "甲辰年正月初一"),
            ("2025-01-29", "乙巳年正月初一"),
            ("2026-02-17", "丙午年正月初一"),
            ("2020-01-25", "庚子年正月初一"),
            ("1900-01-31", "庚子年正月初一"),
            ("2023-03-22", "癸卯年闰二月初一"),
            ("2025-07-25", "乙巳年闰六月初一"),
            ("2024-09-17", "甲辰年八月十五"),
            ("2025-05-31", "乙巳年五月初五"),
            ("2025-01-28", "甲辰年腊月廿九"),
            ("2026-02-16", "乙巳年腊月廿九"),
            ("2024-12-01", "甲辰年冬月初一"),
        ] as [(LocalDate, String)])
    func gregorianDaysReadAsPublishedAlmanacDates(day: LocalDate, almanac: String) throws {
        #expect(try LunarDate(day).description == almanac)
    }

    @Test func lunarNewYear2024IsTheFirstDayOfTheFirstMonth() throws {
        let date = try LunarDate("2024-02-10")
        #expect(date.year == 2024 && date.month == 1 && date.day == 1 && !date.isLeapMonth)
        #expect(date.zodiac == .dragon)
    }

    @Test func aLeapMonthFollowsTheRegularMonthOfTheSameNumber() throws {
        let regular = try LunarDate(year: 2023, month: 2, day: 1)
        let leap = try LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true)
        #expect(regular.gregorian == "2023-02-20")
        #expect(leap.gregorian == "2023-03-22")
        #expect(regular < leap)
        #expect(LunarDate.leapMonth(in: 2023) == 2)
        #expect(LunarDate.leapMonth(in: 2025) == 6)
        #expect(LunarDate.leapMonth(in: 2024) == nil)
    }

    @Test func festivalsConvertToTheirGregorianDays() throws {
        #expect(try LunarDate(year: 2024, month: 8, day: 15).gregorian == "2024-09-17")
        #expect(try LunarDate(year: 2025, month: 5, day: 5).gregorian == "2025-05-31")
        #expect(try LunarDate(year: 2026, month: 1, day: 1).gregorian == "2026-02-17")
    }

    @Test func monthsHaveTwentyNineOrThirtyDays() throws {
        // 乙巳年腊月 is a small month: 除夕 2026 falls on 廿九.
        #expect(try LunarDate(year: 2025, month: 12, day: 1).daysInMonth == 29)
        #expect(try LunarDate(year: 2024, month: 12, day: 1).daysInMonth == 29)
        #expect(try LunarDate(year: 2024, month: 1, day: 1).daysInMonth == 29)
        #expect(try LunarDate(year: 2024, month: 2, day: 1).daysInMonth == 30)
    }

    @Test func aMissingDayMonthOrYearIsRefusedWithItsReason() {
        #expect(throws: LunarCalendarError.noSuchDay(year: 2025, month: 12, isLeapMonth: false, day: 30)) {
            try LunarDate(year: 2025, month: 12, day: 30)
        }
        #expect(throws: LunarCalendarError.noSuchMonth(year: 2024, month: 4, isLeapMonth: true)) {
            try LunarDate(year: 2024, month: 4, day: 1, isLeapMonth: true)
        }
        #expect(throws: LunarCalendarError.noSuchMonth(year: 2024, month: 13, isLeapMonth: false)) {
            try LunarDate(year: 2024, month: 13, day: 1)
        }
        #expect(throws: LunarCalendarError.yearOutOfRange(2101)) { try LunarDate(year: 2101, month: 1, day: 1) }
    }

    @Test func daysOutsideTheTableAreRefused() {
        #expect(throws: LunarCalendarError.dayOutOfRange("1900-01-30")) { try LunarDate("1900-01-30") }
        let afterTheTable = LunarDate.supportedDays.upperBound.adding(days: 1)
        #expect(throws: LunarCalendarError.dayOutOfRange(afterTheTable)) { try LunarDate(afterTheTable) }
        #expect(LunarDate.supportedDays.lowerBound == "1900-01-31")
    }

    @Test func theTableEndsWithTheLastDayOfLunar2100() throws {
        let last = try LunarDate(LunarDate.supportedDays.upperBound)
        #expect(last.year == 2100 && last.month == 12 && last.day == last.daysInMonth)
    }
}
