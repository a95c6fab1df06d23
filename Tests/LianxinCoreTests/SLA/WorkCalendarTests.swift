import Foundation
import Testing
@testable import LianxinCore

@Suite struct WorkCalendarTests {
    let calendar = WorkCalendar.china

    @Test func countsOnlyOfficeTimeOfWorkingDays() {
        // Fri 16:00–17:30, make-up Sunday 29 Sep, Monday 30 Sep, then 8 Oct 09:00–10:00.
        let seconds = calendar.workingTime(from: beijingTime("2024-09-27 16:00"), to: beijingTime("2024-10-08 10:00"))
        #expect(seconds == 16.5 * 3_600)
        #expect(calendar.workingTime(from: beijingTime("2024-10-01 09:00"), to: beijingTime("2024-10-07 18:00")) == 0)
        #expect(calendar.workingTime(from: beijingTime("2024-10-08 12:10"), to: beijingTime("2024-10-08 13:20")) == 0)
    }

    @Test func addsOfficeTimeAcrossWeekendsAndLunch() {
        #expect(calendar.addingWorkingTime(4 * 3_600, to: beijingTime("2024-09-27 16:00")) == beijingTime("2024-09-29 11:30"))
        #expect(calendar.addingWorkingTime(3 * 3_600, to: beijingTime("2025-03-03 09:00")) == beijingTime("2025-03-03 12:00"))
        #expect(calendar.addingWorkingTime(3 * 3_600 + 1, to: beijingTime("2025-03-03 09:00")) == beijingTime("2025-03-03 13:30:01"))
        #expect(calendar.addingWorkingTime(60, to: beijingTime("2025-03-03 20:00")) == beijingTime("2025-03-04 09:01"))
        #expect(calendar.addingWorkingTime(0, to: beijingTime("2025-03-03 20:00")) == beijingTime("2025-03-03 20:00"))
    }

    @Test func countsWorkingDaysFromTheDayAfter() {
        #expect(calendar.addingWorkingDays(3, after: "2024-09-27") == "2024-10-08")
        #expect(calendar.addingWorkingDays(1, after: "2024-09-28") == "2024-09-29")
        #expect(calendar.addingWorkingDays(0, after: "2024-10-01") == "2024-10-08")
        #expect(calendar.addingWorkingDays(0, after: "2024-10-12") == "2024-10-12")
        #expect(calendar.nextWorkingDay(onOrAfter: "2026-02-15") == "2026-02-24")
    }

    @Test func endsDeadlineDaysAtMidnightOrAtCloseOfBusiness() throws {
        #expect(calendar.deadline(on: "2024-10-08") == beijingTime("2024-10-09 00:00"))
        #expect(calendar.deadlineDay(of: beijingTime("2024-10-09 00:00")) == "2024-10-08")
        let office = try WorkCalendar(schedule: ChinaHolidays.schedule, dayEnd: .closeOfBusiness)
        #expect(office.deadline(on: "2024-10-08") == beijingTime("2024-10-08 17:30"))
        #expect(office.deadlineDay(of: beijingTime("2024-10-08 17:30")) == "2024-10-08")
    }

    @Test func refusesHolidayDataThatLeavesNoWorkingDayForAMonth() throws {
        let days = (0..<40).map { HolidayEntry(date: LocalDate("2027-07-01").adding(days: $0), kind: .holiday) }
        #expect(throws: WorkCalendarError.restTooLong(endingOn: "2027-08-01")) {
            try WorkCalendar(schedule: HolidaySchedule(days))
        }
    }

    @Test func worksWithoutHolidayDataAsAPlainWeek() throws {
        let plain = try WorkCalendar(schedule: .empty)
        #expect(plain.isWorkingDay("2024-10-01") && !plain.isWorkingDay("2024-10-12"))
    }
}
