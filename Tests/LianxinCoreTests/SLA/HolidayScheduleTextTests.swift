import Foundation
import Testing
@testable import LianxinCore

@Suite struct HolidayScheduleTextTests {
    @Test func theBuiltInTableSurvivesARoundTripThroughText() throws {
        let text = ChinaHolidays.schedule.text
        let reread = try HolidaySchedule(text: text)
        #expect(reread == ChinaHolidays.schedule)
        #expect(reread.text == text)
        #expect(text.hasPrefix("date,kind,name\n2020-01-01,holiday,元旦\n"))
    }

    @Test func readsANoticeWrittenByHand() throws {
        let text =
            "\u{FEFF}# 国务院办公厅关于2027年部分节假日安排的通知\r\nDate,Kind,Name\r\n\r\n"
            + " 2027-01-01 , holiday , 元旦\r\n2027-02-06,workday\r\n2027-10-01,holiday,国庆节, 中秋节\r\n"
        let schedule = try HolidaySchedule(text: text)
        #expect(
            schedule.entries == [
                HolidayEntry(date: "2027-01-01", kind: .holiday, name: "元旦"),
                HolidayEntry(date: "2027-02-06", kind: .workday),
                HolidayEntry(date: "2027-10-01", kind: .holiday, name: "国庆节, 中秋节"),
            ])
        #expect(try HolidaySchedule(text: schedule.text) == schedule)
    }

    @Test func reportsTheFirstBadLineByNumber() {
        #expect(throws: HolidayScheduleError.invalidLine(number: 3, text: "2027-02-30,holiday")) {
            try HolidaySchedule(text: "date,kind\n2027-01-01,holiday\n2027-02-30,holiday\n")
        }
        #expect(throws: HolidayScheduleError.invalidLine(number: 1, text: "2027-01-01,day off")) {
            try HolidaySchedule(text: "2027-01-01,day off")
        }
        #expect(throws: HolidayScheduleError.invalidLine(number: 1, text: "2027-01-01")) {
            try HolidaySchedule(text: "2027-01-01")
        }
    }

    @Test func refusesContradictionsAndWeekdayMakeUpDays() {
        #expect(throws: HolidayScheduleError.conflictingEntries("2027-01-02")) {
            try HolidaySchedule(text: "2027-01-02,holiday\n2027-01-02,workday\n")
        }
        #expect(throws: HolidayScheduleError.workdayNotOnWeekend("2027-01-04")) {
            try HolidaySchedule(text: "2027-01-04,workday\n")
        }
        #expect(HolidayScheduleError.workdayNotOnWeekend("2027-01-04").message(english: false).contains("不是周末"))
    }

    @Test func aNewerNoticeAddsToAndCorrectsTheTable() throws {
        let next = try HolidaySchedule(text: "2027-01-01,holiday,元旦\n2026-10-10,holiday,国庆节\n")
        let merged = ChinaHolidays.schedule.merging(next)
        #expect(merged.years.contains(2027))
        #expect(merged.entry(on: "2026-10-10")?.kind == .holiday)
        #expect(merged.entries.count == ChinaHolidays.schedule.entries.count + 1)
    }
}
