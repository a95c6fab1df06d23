import Foundation

/// Working days and office hours in one time zone: weekends rest, a `HolidaySchedule` adds statutory days off
/// and make-up working days (调休), and `WorkingHours` say when the office is open.
public struct WorkCalendar: Sendable {
    public let schedule: HolidaySchedule
    public let workingHours: WorkingHours
    public let dayEnd: DayEnd
    public let timeZone: TimeZone
    /// When a day-based limit starts for a request received on a rest day.
    public let restDayReceipt: RestDayReceipt

    /// The longest run of consecutive days off a calendar may contain; longer runs are data errors.
    public static let longestRestAllowed = 31

    /// China Standard Time (Asia/Shanghai, UTC+8 without daylight saving).
    public static let shanghai: TimeZone = {
        guard let zone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3_600) else {
            preconditionFailure("UTC+8 must be a valid time zone")
        }
        return zone
    }()

    /// The built-in calendar: China's 2020–2026 notices, standard office hours, deadlines at 24:00 Beijing time.
    public static let china = WorkCalendar(
        checked: ChinaHolidays.schedule, workingHours: .standard, dayEnd: .midnight, timeZone: shanghai,
        restDayReceipt: .nextWorkingDay)

    /// A calendar from admin data; refuses a schedule with more than `longestRestAllowed` days off in a row.
    public init(
        schedule: HolidaySchedule,
        workingHours: WorkingHours = .standard,
        dayEnd: DayEnd = .midnight,
        timeZone: TimeZone = shanghai,
        restDayReceipt: RestDayReceipt = .nextWorkingDay
    ) throws(WorkCalendarError) {
        self.init(
            checked: schedule, workingHours: workingHours, dayEnd: dayEnd, timeZone: timeZone, restDayReceipt: restDayReceipt)
        let dates = schedule.entries.map(\.date)
        guard let first = dates.first, let last = dates.last else { return }
        var run = 0
        for offset in -7...(last.daysSinceEpoch - first.daysSinceEpoch + 7) {
            let day = first.adding(days: offset)
            run = isWorkingDay(day) ? 0 : run + 1
            if run > Self.longestRestAllowed { throw .restTooLong(endingOn: day) }
        }
    }

    private init(
        checked schedule: HolidaySchedule, workingHours: WorkingHours, dayEnd: DayEnd, timeZone: TimeZone,
        restDayReceipt: RestDayReceipt
    ) {
        self.schedule = schedule
        self.workingHours = workingHours
        self.dayEnd = dayEnd
        self.timeZone = timeZone
        self.restDayReceipt = restDayReceipt
    }

    /// The same calendar with another rest-day receipt rule.
    public func with(restDayReceipt rule: RestDayReceipt) -> WorkCalendar {
        WorkCalendar(checked: schedule, workingHours: workingHours, dayEnd: dayEnd, timeZone: timeZone, restDayReceipt: rule)
    }

    /// Whether `day` is a working day: a make-up working day, or a weekday that is not a holiday.
    public func isWorkingDay(_ day: LocalDate) -> Bool {
        switch schedule.entry(on: day)?.kind {
        case .holiday: false
        case .workday: true
        case nil: !day.isWeekend
        }
    }

    /// The local day on which `instant` falls.
    public func day(of instant: Date) -> LocalDate {
        LocalDate(instant, in: timeZone)
    }

    /// The instant `minute` minutes after local midnight on `day` (minute 1440 is the next midnight).
    public func instant(on day: LocalDate, minute: Int) -> Date {
        let local = TimeInterval(day.daysSinceEpoch * 86_400 + minute * 60)
        let guess = Date(timeIntervalSince1970: local - offset(at: Date(timeIntervalSince1970: local)))
        return Date(timeIntervalSince1970: local - offset(at: guess))
    }

    private func offset(at instant: Date) -> TimeInterval {
        TimeInterval(timeZone.secondsFromGMT(for: instant))
    }
}

/// Why a work calendar was refused.
public enum WorkCalendarError: Error, Sendable, Hashable {
    case restTooLong(endingOn: LocalDate)

    /// A message for the admin who loaded the calendar, in Chinese or English.
    public func message(english: Bool) -> String {
        switch self {
        case .restTooLong(let day):
            english
                ? "More than \(WorkCalendar.longestRestAllowed) days off in a row up to \(day); check the holiday data."
                : "截至 \(day) 连续休息超过 \(WorkCalendar.longestRestAllowed) 天，请检查节假日数据。"
        }
    }
}
