import Foundation
import Testing
@testable import LianxinCore

@Suite struct ChinaHolidaysTests {
    let calendar = WorkCalendar.china

    /// Weekday days off minus make-up working days equals the statutory days of the year: 11 until 2024,
    /// 13 from 2025 (New Year's Eve and 2 May added), and 13 in 2020, when the epidemic extension added
    /// Friday 31 January and cancelled the make-up Saturday of 1 February.
    @Test(arguments: [(2020, 13), (2021, 11), (2022, 11), (2023, 11), (2024, 11), (2025, 13), (2026, 13)])
    func everyYearGivesExactlyItsStatutoryDays(year: Int, statutoryDays: Int) {
        let entries = ChinaHolidays.schedule.entries.filter { $0.date.year == year }
        let weekdaysOff = entries.filter { $0.kind == .holiday && !$0.date.isWeekend }.count
        let makeUpDays = entries.filter { $0.kind == .workday }.count
        #expect(weekdaysOff - makeUpDays == statutoryDays)
    }

    @Test(
        arguments: [
            2020: ["2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"],
            2021: ["2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26", "2021-10-09"],
            2022: ["2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09"],
            2023: ["2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"],
            2024: ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"],
            2025: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
            2026: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
        ] as [Int: [LocalDate]])
    func listsTheMakeUpWorkingDaysOfEachNotice(year: Int, days: [LocalDate]) {
        let workdays = ChinaHolidays.schedule.entries.filter { $0.kind == .workday && $0.date.year == year }.map(\.date)
        #expect(workdays == days)
        #expect(days.allSatisfy { $0.isWeekend && calendar.isWorkingDay($0) })
    }

    @Test func the2026NoticeIsEncodedDayByDay() {
        let off: [LocalDate] = [
            "2026-01-01", "2026-01-02", "2026-01-03",
            "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
            "2026-02-22", "2026-02-23",
            "2026-04-04", "2026-04-05", "2026-04-06",
            "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
            "2026-06-19", "2026-06-20", "2026-06-21",
            "2026-09-25", "2026-09-26", "2026-09-27",
            "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
        ]
        let holidays = ChinaHolidays.schedule.entries.filter { $0.kind == .holiday && $0.date.year == 2026 }.map(\.date)
        #expect(holidays == off)
    }

    @Test func knowsTheSpecialCasesOfEarlierYears() {
        #expect(!calendar.isWorkingDay("2020-01-31"), "2020 epidemic extension")
        #expect(!calendar.isWorkingDay("2020-02-01"), "make-up Saturday cancelled by the extension")
        #expect(calendar.isWorkingDay("2020-02-03"))
        #expect(calendar.isWorkingDay("2024-02-09"), "New Year's Eve 2024 was a working day")
        #expect(!calendar.isWorkingDay("2025-01-28"), "New Year's Eve is statutory from 2025")
        #expect(ChinaHolidays.schedule.entry(on: "2022-12-31")?.name == "元旦", "2023 New Year starts in 2022")
        #expect(calendar.isWorkingDay("2023-04-06") && !calendar.isWorkingDay("2023-04-05"))
    }

    @Test func coversTheYearsItClaims() {
        #expect(ChinaHolidays.schedule.years == Set(ChinaHolidays.years).union([2022]))
        #expect(Set(ChinaHolidays.years).isSubset(of: ChinaHolidays.schedule.years))
    }

    @Test func passesTheCalendarsDataChecks() throws {
        let checked = try WorkCalendar(schedule: ChinaHolidays.schedule)
        #expect(checked.isWorkingDay("2024-10-12") && !checked.isWorkingDay("2024-10-07"))
    }
}
