import LianxinCore
import Testing

@Suite struct RecurrenceRuleParsingTests {
    private func window(_ start: String, _ end: String) throws -> TimeWindow {
        try TimeWindow(start: #require(TimeOfDay(start)), end: #require(TimeOfDay(end)))
    }

    @Test func theThreeLongnanSchedulesAreRead() throws {
        #expect(
            try RecurrenceRule(parsing: "每周四 14:00-17:00")
                == RecurrenceRule(.weekly(weekdays: [.thursday]), window: window("14:00", "17:00")))
        #expect(
            try RecurrenceRule(parsing: "每月第一个周六 08:00-12:00")
                == RecurrenceRule(.monthlyByWeekday(ordinal: .first, weekday: .saturday), window: window("08:00", "12:00")))
        #expect(
            try RecurrenceRule(parsing: "农历逢三、六、九 07:00-12:00")
                == RecurrenceRule(.lunarMarketDays(digits: [3, 6, 9]), window: window("07:00", "12:00")))
    }

    @Test(arguments: [
        ("每周二、四 9:00-11:30", RecurrencePattern.weekly(weekdays: [.tuesday, .thursday])),
        ("每周二、周四 9:00-11:30", .weekly(weekdays: [.tuesday, .thursday])),
        ("每星期日 9:00-11:30", .weekly(weekdays: [.sunday])),
        ("每天 9:00-11:30", .weekly(weekdays: Weekday.allCases)),
        ("每月第2个星期三 9:00-11:30", .monthlyByWeekday(ordinal: .second, weekday: .wednesday)),
        ("每月最后一个周五 9:00-11:30", .monthlyByWeekday(ordinal: .last, weekday: .friday)),
        ("每月15日 9:00-11:30", .monthlyByDay(day: 15)),
        ("每月十五号 9:00-11:30", .monthlyByDay(day: 15)),
        ("逢一、四、七 9:00-11:30", .lunarMarketDays(digits: [1, 4, 7])),
        ("农历逢二五八 9:00-11:30", .lunarMarketDays(digits: [2, 5, 8])),
        ("逢五逢十 9:00-11:30", .lunarMarketDays(digits: [5, 0])),
        ("2025年3月6日 9:00-11:30", .once(date: "2025-03-06")),
        ("2025-03-06 9:00-11:30", .once(date: "2025-03-06")),
    ])
    func commonWaysOfWritingTheDaysAreRead(text: String, pattern: RecurrencePattern) throws {
        #expect(try RecurrenceRule(parsing: text).pattern == pattern)
    }

    @Test func fullWidthPunctuationAndWordsBetweenTheTimesAreAccepted() throws {
        let expected = try RecurrenceRule(.weekly(weekdays: [.thursday]), window: window("14:00", "17:00"))
        #expect(try RecurrenceRule(parsing: "  每周四　14：00－17：00 ") == expected)
        #expect(try RecurrenceRule(parsing: "每周四 14:00至17:00") == expected)
        #expect(try RecurrenceRule(parsing: "每周四14:00~17:00") == expected)
        #expect(try RecurrenceRule(parsing: "每周四 14:00—17:00") == expected)
    }

    @Test func aHolidayNoteMakesTheRuleSkipHolidays() throws {
        #expect(try RecurrenceRule(parsing: "每周四 14:00-17:00（节假日除外）").skipsHolidays)
        #expect(try RecurrenceRule(parsing: "每周四 14:00-17:00，法定节假日除外").skipsHolidays)
        #expect(try !RecurrenceRule(parsing: "每周四 14:00-17:00").skipsHolidays)
    }

    @Test func textWithoutATimeWindowIsRefusedWithAnExample() {
        #expect(throws: RecurrenceParseError.missingTimeWindow(text: "每周四下午")) { try RecurrenceRule(parsing: "每周四下午") }
        #expect(throws: RecurrenceParseError.empty) { try RecurrenceRule(parsing: "  ") }
        #expect(RecurrenceParseError.missingTimeWindow(text: "每周四下午").message(in: .zhCN) == "“每周四下午”末尾缺少时间段，例如“14:00-17:00”")
    }

    @Test func unreadableDaysAreNamedInTheError() {
        #expect(throws: RecurrenceParseError.unreadableDays("每周八")) { try RecurrenceRule(parsing: "每周八 14:00-17:00") }
        #expect(throws: RecurrenceParseError.unreadableDays("隔周四")) { try RecurrenceRule(parsing: "隔周四 14:00-17:00") }
        #expect(throws: RecurrenceParseError.unreadableDays("每月第五个周六")) {
            try RecurrenceRule(parsing: "每月第五个周六 14:00-17:00")
        }
        #expect(throws: RecurrenceParseError.unreadableDays("2025年2月30日")) {
            try RecurrenceRule(parsing: "2025年2月30日 14:00-17:00")
        }
    }

    @Test func impossibleTimesAndRulesAreRefused() throws {
        #expect(throws: RecurrenceParseError.invalidTime("25:00")) { try RecurrenceRule(parsing: "每周四 14:00-25:00") }
        #expect(throws: RecurrenceParseError.invalidRule(.dayOfMonthOutOfRange(32))) {
            try RecurrenceRule(parsing: "每月32日 14:00-17:00")
        }
        let five = try #require(TimeOfDay(hour: 17)), two = try #require(TimeOfDay(hour: 14))
        let error = RecurrenceParseError.invalidRule(.emptyTimeWindow(start: five, end: two))
        #expect(throws: error) { try RecurrenceRule(parsing: "每周四 17:00-14:00") }
        #expect(error.message(in: .zhCN) == "结束时间14:00应晚于开始时间17:00")
    }
}
