import LianxinCore
import Testing

@Suite struct RecurrenceRuleDescriptionTests {
    @Test(arguments: [
        ("每周四 14:00-17:00", "Every Thursday, 14:00–17:00"),
        ("每周二、周四 09:00-11:30", "Every Tuesday and Thursday, 09:00–11:30"),
        ("每天 08:00-18:00", "Every day, 08:00–18:00"),
        ("每月第一个周六 08:00-12:00", "The first Saturday of every month, 08:00–12:00"),
        ("每月最后一个周五 19:00-21:00", "The last Friday of every month, 19:00–21:00"),
        ("每月22日 09:00-11:00", "The 22nd of every month, 09:00–11:00"),
        ("农历逢三、六、九 07:00-12:00", "Days 3, 6, 9, 13, 16, 19, 23, 26 and 29 of every lunar month, 07:00–12:00"),
        ("农历逢五、十 07:00-11:00", "Days 5, 10, 15, 20, 25 and 30 of every lunar month, 07:00–11:00"),
        ("2025年3月6日 09:00-11:00", "On 2025-03-06, 09:00–11:00"),
        ("每周四 14:00-17:00（节假日除外）", "Every Thursday, 14:00–17:00 (not on public holidays)"),
    ])
    func rulesReadBackInChineseAndEnglish(chinese: String, english: String) throws {
        let rule = try RecurrenceRule(parsing: chinese)
        #expect(rule.description(language: .zhCN) == chinese)
        #expect(rule.description(language: .en) == english)
        #expect(try RecurrenceRule(parsing: rule.description(language: .zhCN)) == rule)
    }

    @Test func ordinalDaysTakeTheirEnglishSuffixes() throws {
        let suffixes = [1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 23: "23rd", 31: "31st"]
        for (day, ordinal) in suffixes {
            #expect(RecurrencePattern.monthlyByDay(day: day).description(language: .en) == "The \(ordinal) of every month")
        }
    }
}
