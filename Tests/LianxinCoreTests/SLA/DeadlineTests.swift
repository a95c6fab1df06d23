import Foundation
import Testing
@testable import LianxinCore

/// Due times computed by hand from the State Council notices; "24:00 on the 8th" is written as 00:00 on the 9th.
@Suite struct DeadlineTests {
    let calendar = WorkCalendar.china

    func due(
        _ start: String, _ limit: TimeLimit, extensions: [TimeLimit] = [], pauses: [(String, String)] = [],
        in calendar: WorkCalendar = .china
    ) -> Date {
        Deadline.due(
            start: beijingTime(start), limit: limit, extensions: extensions,
            pauses: pauses.map { ClockPause(start: beijingTime($0.0), end: beijingTime($0.1)) }, in: calendar)
    }

    @Test func the12530LadderRunsInCalendarMinutes() {
        let policy = SLAPolicy.rule12530
        var start = beijingTime("2024-10-08 10:00")
        let expected: [(SLAStage, String, String)] = [
            (.create, "2024-10-08 10:01", "2024-10-08 10:00:48"),
            (.dispatch, "2024-10-08 10:03", "2024-10-08 10:02:36"),
            (.sign, "2024-10-08 10:08", "2024-10-08 10:07"),
            (.arrive, "2024-10-08 10:38", "2024-10-08 10:32"),
        ]
        for (stage, dueText, warningText) in expected {
            let limit = try! #require(policy.limit(for: stage))
            let due = Deadline.due(start: start, limit: limit.limit, in: calendar)
            #expect(due == beijingTime(dueText), "\(stage)")
            #expect(
                Deadline.warning(start: start, limit: limit.limit, threshold: limit.warning, in: calendar)
                    == beijingTime(warningText), "\(stage)")
            start = due
        }
    }

    @Test func the12530RuleIgnoresNightsAndHolidays() {
        #expect(due("2024-10-01 23:59:30", .minutes(1)) == beijingTime("2024-10-02 00:00:30"))
        #expect(due("2026-02-17 23:45", .minutes(30)) == beijingTime("2026-02-18 00:15"))
    }

    @Test(arguments: [
        // start, due in 3 working days, due in 7 working days
        ("2024-09-27 15:00", "2024-10-09 00:00", "2024-10-13 00:00"),  // Fri before National Day; Sun 29 Sep and Sat 12 Oct worked
        // Received during the holiday: it counts as received on Tue 8 Oct (the next working day), day 1 is 9 Oct.
        ("2024-10-03 10:00", "2024-10-12 00:00", "2024-10-17 00:00"),
        ("2024-10-12 10:00", "2024-10-17 00:00", "2024-10-23 00:00"),  // received on the make-up Saturday
        ("2024-02-02 16:00", "2024-02-07 00:00", "2024-02-19 00:00"),  // Spring Festival 2024; Sun 4 and Sun 18 Feb worked
        ("2025-01-24 09:30", "2025-02-06 00:00", "2025-02-11 00:00"),  // Spring Festival 2025; Sun 26 Jan and Sat 8 Feb worked
        ("2025-09-26 09:30", "2025-10-01 00:00", "2025-10-14 00:00"),  // National Day 2025; Sun 28 Sep and Sat 11 Oct worked
        ("2026-02-13 11:00", "2026-02-26 00:00", "2026-03-03 00:00"),  // Spring Festival 2026; Sat 14 and Sat 28 Feb worked
        ("2026-09-18 17:00", "2026-09-23 00:00", "2026-09-30 00:00"),  // Sun 20 Sep 2026 worked, Mid-Autumn 25–27 Sep off
        ("2026-09-24 10:00", "2026-10-01 00:00", "2026-10-13 00:00"),  // Mid-Autumn 25–27 Sep 2026
        ("2026-09-29 10:00", "2026-10-10 00:00", "2026-10-15 00:00"),  // National Day 2026; Sat 10 Oct worked
    ])
    func workingDayLaddersSkipHolidaysAndCountMakeUpDays(start: String, threeDays: String, sevenDays: String) {
        #expect(due(start, .workingDays(3)) == beijingTime(threeDays))
        #expect(due(start, .workingDays(7)) == beijingTime(sevenDays))
    }

    @Test(arguments: [
        // received on a rest day, due in 3 and 7 working days (counted from the next working day), and the day
        // counted as the day of receipt
        ("2024-02-12 09:00", "2024-02-22 00:00", "2024-02-28 00:00", "2024-02-18"),  // Spring Festival 2024; Sun 18 Feb worked
        ("2025-10-04 20:00", "2025-10-14 00:00", "2025-10-18 00:00", "2025-10-09"),  // National Day 2025; Sat 11 Oct worked
        ("2026-02-18 11:00", "2026-02-28 00:00", "2026-03-05 00:00", "2026-02-24"),  // Spring Festival 2026; Sat 28 Feb worked
        ("2026-10-03 08:00", "2026-10-13 00:00", "2026-10-17 00:00", "2026-10-08"),  // National Day 2026; Sat 10 Oct worked
        ("2026-12-06 15:00", "2026-12-11 00:00", "2026-12-17 00:00", "2026-12-07"),  // an ordinary Sunday
    ])
    func aRestDayReceiptCountsAsReceivedOnTheNextWorkingDay(start: String, threeDays: String, sevenDays: String, counted: String) {
        #expect(due(start, .workingDays(3)) == beijingTime(threeDays))
        #expect(due(start, .workingDays(7)) == beijingTime(sevenDays))
        #expect(WorkCalendar.china.deferredReceiptDay(of: beijingTime(start)) == LocalDate(iso: counted))
    }

    @Test(arguments: ["2024-09-29 10:00", "2024-10-12 10:00", "2025-02-08 10:00", "2026-02-14 10:00", "2026-10-10 10:00"])
    func aMakeUpWorkingDayIsItselfTheDayOfReceipt(start: String) {
        let calendar = WorkCalendar.china
        #expect(calendar.deferredReceiptDay(of: beijingTime(start)) == nil)
        #expect(calendar.receiptDay(of: beijingTime(start)) == calendar.day(of: beijingTime(start)))
    }

    @Test func theOlderReadingCountsTheRestDayItselfAsTheDayOfReceipt() {
        let older = WorkCalendar.china.with(restDayReceipt: .asReceived)
        #expect(due("2026-12-06 15:00", .workingDays(3), in: older) == beijingTime("2026-12-10 00:00"))
        #expect(due("2024-10-03 10:00", .workingDays(3), in: older) == beijingTime("2024-10-11 00:00"))
        #expect(older.deferredReceiptDay(of: beijingTime("2026-12-06 15:00")) == nil)
        // Round-the-clock limits are not moved by the rule under either reading.
        #expect(due("2024-10-03 10:00", .endOfDay()) == beijingTime("2024-10-04 00:00"))
        #expect(due("2024-10-03 10:00", .minutes(30)) == beijingTime("2024-10-03 10:30"))
    }

    @Test func feedbackIsDueThreeWorkingDaysAfterCompletion() throws {
        let feedback = try #require(SLAPolicy.longnanSimple.limit(for: .feedback))
        #expect(due("2025-09-30 16:00", feedback.limit) == beijingTime("2025-10-12 00:00"))
        #expect(due("2024-02-09 17:00", feedback.limit) == beijingTime("2024-02-21 00:00"))
    }

    @Test func sameDayLimitsEndAtMidnightEvenOnHolidays() throws {
        let respond = try #require(SLAPolicy.hourResponseSameDay.limit(for: .respond))
        let complete = try #require(SLAPolicy.hourResponseSameDay.limit(for: .complete))
        #expect(due("2024-10-03 10:00", respond.limit) == beijingTime("2024-10-03 11:00"))
        #expect(due("2024-10-03 23:30", respond.limit) == beijingTime("2024-10-04 00:30"))
        #expect(due("2024-10-03 10:00", complete.limit) == beijingTime("2024-10-04 00:00"))
        let dispatch = try #require(SLAPolicy.longnanSimple.limit(for: .dispatch))
        #expect(due("2025-02-01 15:00", dispatch.limit) == beijingTime("2025-02-02 00:00"))
    }

    @Test func calendarDaysMoveALastDayOffToTheNextWorkingDay() {
        #expect(due("2024-09-26 10:00", .calendarDays(3)) == beijingTime("2024-09-30 00:00"))
        #expect(due("2024-09-28 10:00", .calendarDays(3)) == beijingTime("2024-10-09 00:00"))
    }

    @Test func workingHoursCountOfficeTimeOnly() {
        #expect(due("2024-09-27 16:00", .workingHours(4)) == beijingTime("2024-09-29 11:30"))
        #expect(due("2024-10-06 20:00", .workingHours(2)) == beijingTime("2024-10-08 11:00"))
    }

    @Test func closeOfBusinessEndsTheLastDayAtFiveThirty() throws {
        let office = try WorkCalendar(schedule: ChinaHolidays.schedule, dayEnd: .closeOfBusiness)
        #expect(due("2024-09-27 15:00", .workingDays(3), in: office) == beijingTime("2024-10-08 17:30"))
        #expect(
            due("2024-09-27 15:00", .workingDays(3), extensions: [.workingDays(1)], in: office)
                == beijingTime("2024-10-09 17:30"))
    }

    @Test func pausesMoveTheDeadlineByThePausedTime() {
        // 3 working days from Mon 3 Mar 2025 end Thu 6 Mar; a pause of one working day moves them to Fri 7 Mar.
        #expect(due("2025-03-03 10:00", .workingDays(3)) == beijingTime("2025-03-07 00:00"))
        #expect(
            due("2025-03-03 10:00", .workingDays(3), pauses: [("2025-03-04 09:00", "2025-03-05 09:00")])
                == beijingTime("2025-03-08 00:00"))
        // A pause over a weekend holds no office time.
        #expect(
            due("2025-03-06 10:00", .workingDays(3), pauses: [("2025-03-08 09:00", "2025-03-09 18:00")])
                == beijingTime("2025-03-12 00:00"))
        #expect(due("2025-03-03 09:00", .workingHours(4)) == beijingTime("2025-03-03 14:30"))
        #expect(
            due("2025-03-03 09:00", .workingHours(4), pauses: [("2025-03-03 10:00", "2025-03-03 10:30")])
                == beijingTime("2025-03-03 15:00"))
    }

    @Test func pausesAreClippedJoinedAndIgnoredAfterTheDeadline() {
        #expect(
            due("2024-10-08 10:08", .minutes(30), pauses: [("2024-10-08 10:15", "2024-10-08 10:25")])
                == beijingTime("2024-10-08 10:48"))
        #expect(
            due("2024-10-08 10:08", .minutes(30), pauses: [("2024-10-08 11:00", "2024-10-08 12:00")])
                == beijingTime("2024-10-08 10:38"))
        #expect(
            due(
                "2024-10-08 10:08", .minutes(30),
                pauses: [("2024-10-08 10:20", "2024-10-08 10:30"), ("2024-10-08 10:15", "2024-10-08 10:25")])
                == beijingTime("2024-10-08 10:53"))
        #expect(
            due("2024-10-08 10:08", .minutes(30), pauses: [("2024-10-08 10:00", "2024-10-08 10:10")])
                == beijingTime("2024-10-08 10:40"))
    }

    @Test func pausedDayLimitsEndAtADayEnd() {
        #expect(
            due("2024-10-03 10:00", .endOfDay(), pauses: [("2024-10-03 20:00", "2024-10-04 02:00")])
                == beijingTime("2024-10-05 00:00"))
        #expect(
            due("2024-09-26 10:00", .calendarDays(3), pauses: [("2024-09-27 10:00", "2024-09-28 10:00")])
                == beijingTime("2024-10-01 00:00"))
        #expect(
            due("2024-09-26 10:00", .calendarDays(3), pauses: [("2024-09-27 10:00", "2024-09-29 10:00")])
                == beijingTime("2024-10-09 00:00"))
    }

    @Test func extensionsCountFromTheDeadlineTheyExtend() {
        #expect(due("2025-03-03 10:00", .workingDays(3), extensions: [.workingDays(2)]) == beijingTime("2025-03-11 00:00"))
        #expect(due("2024-09-26 10:00", .workingDays(3)) == beijingTime("2024-10-01 00:00"))
        #expect(due("2024-09-26 10:00", .workingDays(3), extensions: [.workingDays(2)]) == beijingTime("2024-10-10 00:00"))
        #expect(due("2024-10-08 10:08", .minutes(30), extensions: [.minutes(30)]) == beijingTime("2024-10-08 11:08"))
        #expect(
            due("2025-03-03 10:00", .workingDays(3), extensions: [.workingDays(1), .workingDays(1)])
                == beijingTime("2025-03-11 00:00"))
        #expect(
            due(
                "2025-03-03 10:00", .workingDays(3), extensions: [.workingDays(2)],
                pauses: [("2025-03-04 09:00", "2025-03-05 09:00")]) == beijingTime("2025-03-12 00:00"))
    }

    @Test func warningsComeAtAShareOfTheAllowedTimeOrMinutesBefore() {
        let start = beijingTime("2025-03-03 10:00")
        // 27 office hours allowed; 80 % is 21 h 36 min of office time.
        #expect(
            Deadline.warning(start: start, limit: .workingDays(3), threshold: .fraction(0.8), in: calendar)
                == beijingTime("2025-03-06 10:36"))
        #expect(
            Deadline.warning(
                start: start, limit: .workingDays(3), threshold: .fraction(0.8),
                pauses: [ClockPause(start: beijingTime("2025-03-04 09:00"), end: beijingTime("2025-03-05 09:00"))],
                in: calendar) == beijingTime("2025-03-07 10:36"))
        #expect(
            Deadline.warning(
                start: beijingTime("2024-10-03 10:00"), limit: .endOfDay(), threshold: .minutesBefore(120),
                in: calendar) == beijingTime("2024-10-03 22:00"))
        #expect(
            Deadline.warning(
                start: beijingTime("2024-10-03 23:30"), limit: .minutes(60), threshold: .minutesBefore(120),
                in: calendar) == beijingTime("2024-10-03 23:30"))
    }
}
