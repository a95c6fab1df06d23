import LianxinCore
import Testing

/// The lunar calendar of 2025–2026 against published almanac dates. Every expected date here was computed
/// independently with the Python packages `lunar_python` 1.4.8 (6tail's 寿星天文历-based almanac) and
/// `zhdate` 0.1, which agree on each of them, and matches the 2025/2026 holiday notices of the State Council
/// (春节 2025-01-29 and 2026-02-17, 端午 2025-05-31 and 2026-06-19, 中秋 2025-10-06 and 2026-09-25).
@Suite struct LunarAlmanac2025To2026Tests {
    /// The first day (初一) of every lunar month that begins in 2025 or 2026, with the month as almanacs name it.
    /// Together they fix every day of the span: each month runs from its 初一 to the day before the next one.
    static let monthStarts: [(LocalDate, String)] = [
        ("2025-01-29", "乙巳年正月初一"), ("2025-02-28", "乙巳年二月初一"), ("2025-03-29", "乙巳年三月初一"),
        ("2025-04-28", "乙巳年四月初一"), ("2025-05-27", "乙巳年五月初一"), ("2025-06-25", "乙巳年六月初一"),
        ("2025-07-25", "乙巳年闰六月初一"), ("2025-08-23", "乙巳年七月初一"), ("2025-09-22", "乙巳年八月初一"),
        ("2025-10-21", "乙巳年九月初一"), ("2025-11-20", "乙巳年十月初一"), ("2025-12-20", "乙巳年冬月初一"),
        ("2026-01-19", "乙巳年腊月初一"), ("2026-02-17", "丙午年正月初一"), ("2026-03-19", "丙午年二月初一"),
        ("2026-04-17", "丙午年三月初一"), ("2026-05-17", "丙午年四月初一"), ("2026-06-15", "丙午年五月初一"),
        ("2026-07-14", "丙午年六月初一"), ("2026-08-13", "丙午年七月初一"), ("2026-09-11", "丙午年八月初一"),
        ("2026-10-10", "丙午年九月初一"), ("2026-11-09", "丙午年十月初一"), ("2026-12-09", "丙午年冬月初一"),
    ]

    @Test(arguments: monthStarts)
    func everyLunarMonthOf2025And2026StartsOnItsAlmanacDay(day: LocalDate, almanac: String) throws {
        let lunar = try LunarDate(day)
        #expect(lunar.description == almanac)
        #expect(lunar.day == 1)
    }

    @Test func eachMonthRunsUntilTheNextAlmanacMonthStarts() throws {
        for (start, next) in zip(Self.monthStarts, Self.monthStarts.dropFirst()) {
            let lastDay = next.0.adding(days: -1)
            let lunar = try LunarDate(lastDay)
            #expect(lunar.day == next.0.daysSinceEpoch - start.0.daysSinceEpoch, "\(lastDay) ends the month begun \(start.0)")
            #expect(lunar.day == lunar.daysInMonth)
        }
    }

    @Test(
        arguments: [
            ("元宵", 2025, 1, 15, "2025-02-12"), ("龙抬头", 2025, 2, 2, "2025-03-01"), ("端午", 2025, 5, 5, "2025-05-31"),
            ("七夕", 2025, 7, 7, "2025-08-29"), ("中秋", 2025, 8, 15, "2025-10-06"), ("重阳", 2025, 9, 9, "2025-10-29"),
            ("腊八", 2025, 12, 8, "2026-01-26"), ("春节", 2026, 1, 1, "2026-02-17"), ("元宵", 2026, 1, 15, "2026-03-03"),
            ("端午", 2026, 5, 5, "2026-06-19"), ("中元", 2026, 7, 15, "2026-08-27"), ("中秋", 2026, 8, 15, "2026-09-25"),
            ("重阳", 2026, 9, 9, "2026-10-18"), ("春节", 2027, 1, 1, "2027-02-06"),
        ] as [(String, Int, Int, Int, LocalDate)])
    func festivalsFallOnTheirPublishedDays(festival: String, year: Int, month: Int, day: Int, gregorian: LocalDate) throws {
        #expect(try LunarDate(year: year, month: month, day: day).gregorian == gregorian, "\(festival) \(year)")
    }

    @Test func theLeapSixthMonthOf2025HasTwentyNineDays() throws {
        #expect(LunarDate.leapMonth(in: 2025) == 6)
        #expect(LunarDate.leapMonth(in: 2026) == nil)
        let leap = try LunarDate(year: 2025, month: 6, day: 1, isLeapMonth: true)
        #expect(leap.gregorian == "2025-07-25" && leap.daysInMonth == 29)
        #expect(try LunarDate("2025-08-22").description == "乙巳年闰六月廿九")
    }

    @Test(
        arguments: [
            (
                "2025-02-01", "2025-02-28",
                [
                    "2025-02-03", "2025-02-06", "2025-02-10", "2025-02-13", "2025-02-16", "2025-02-20", "2025-02-23", "2025-02-26",
                ]
            ),
            // 乙巳年腊月 has 29 days: 廿九 (02-16) is a market day, then 初三 of the new year (02-19).
            (
                "2026-02-01", "2026-02-28",
                [
                    "2026-02-03", "2026-02-06", "2026-02-10", "2026-02-13", "2026-02-16", "2026-02-19", "2026-02-22", "2026-02-25",
                ]
            ),
            (
                "2026-03-01", "2026-03-31",
                [
                    "2026-03-01", "2026-03-04", "2026-03-07", "2026-03-11", "2026-03-14", "2026-03-17", "2026-03-21", "2026-03-24",
                    "2026-03-27", "2026-03-31",
                ]
            ),
        ] as [(LocalDate, LocalDate, [LocalDate])])
    func marketDaysOnThreeSixAndNineAreExactlyTheAlmanacDaysOfAMonth(first: LocalDate, last: LocalDate, expected: [LocalDate]) throws {
        let rule = try RecurrenceRule(parsing: "农历逢三、六、九 07:00-12:00")
        #expect(rule.occurrences(from: first, through: last).map(\.day) == expected)
    }
}
