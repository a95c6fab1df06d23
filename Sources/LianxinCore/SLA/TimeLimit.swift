import Foundation

/// How a time limit is counted.
public enum TimeLimitUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Calendar minutes, day and night (the 12530 rule).
    case minutes
    /// Office hours of working days.
    case workingHours
    /// Working days after the start day, ending at the day end of the last one (3 个工作日内办结).
    case workingDays
    /// Calendar days after the start day; a last day off moves to the next working day (民法典 art. 203).
    case calendarDays
    /// The end of the start day (amount 0: 当日办结) or of the `amount`-th calendar day after it.
    case endOfDay

    /// Whether the limit ends at the end of a day rather than at an exact instant.
    var isDayBased: Bool {
        switch self {
        case .minutes, .workingHours: false
        case .workingDays, .calendarDays, .endOfDay: true
        }
    }

    /// Whether elapsed time counts office hours only.
    var countsOfficeTime: Bool {
        self == .workingHours || self == .workingDays
    }
}

/// An amount of time in one unit, e.g. 30 minutes or 3 working days: a stage limit or an extension.
public struct TimeLimit: Sendable, Hashable, Codable, CustomStringConvertible {
    public let amount: Int
    public let unit: TimeLimitUnit

    public init(_ amount: Int, _ unit: TimeLimitUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// `amount` calendar minutes.
    public static func minutes(_ amount: Int) -> TimeLimit { TimeLimit(amount, .minutes) }
    /// `amount` office hours.
    public static func workingHours(_ amount: Int) -> TimeLimit { TimeLimit(amount, .workingHours) }
    /// `amount` working days.
    public static func workingDays(_ amount: Int) -> TimeLimit { TimeLimit(amount, .workingDays) }
    /// `amount` calendar days.
    public static func calendarDays(_ amount: Int) -> TimeLimit { TimeLimit(amount, .calendarDays) }
    /// The end of the day, `amount` days later (0: the same day).
    public static func endOfDay(_ amount: Int = 0) -> TimeLimit { TimeLimit(amount, .endOfDay) }

    /// Whether the limit can be counted: a positive amount, or zero for the day-based units.
    public var isValid: Bool {
        amount > 0 || (amount == 0 && unit.isDayBased)
    }

    /// `3 workingDays`.
    public var description: String { "\(amount) \(unit.rawValue)" }

    /// When a stage that started at `start` is due. Working-day limits count from the receipt day
    /// (`WorkCalendar.receiptDay(of:)`): a rest-day start counts as the next working day by default. Calendar-day
    /// and end-of-day limits (the round-the-clock urgent ladders, 当日办结) count from the day itself.
    public func deadline(from start: Date, in calendar: WorkCalendar) -> Date {
        let firstDay = unit == .workingDays ? calendar.receiptDay(of: start) : calendar.day(of: start)
        return deadline(from: start, firstDay: firstDay, in: calendar)
    }

    /// `due` moved later by this amount (an approved extension), day-based units counting from the deadline's day.
    public func extending(_ due: Date, in calendar: WorkCalendar) -> Date {
        deadline(from: due, firstDay: calendar.deadlineDay(of: due), in: calendar)
    }

    private func deadline(from start: Date, firstDay: LocalDate, in calendar: WorkCalendar) -> Date {
        switch unit {
        case .minutes:
            start.addingTimeInterval(TimeInterval(amount * 60))
        case .workingHours:
            calendar.addingWorkingTime(TimeInterval(amount * 3_600), to: start)
        case .workingDays:
            calendar.deadline(on: calendar.addingWorkingDays(amount, after: firstDay))
        case .calendarDays:
            calendar.deadline(on: calendar.nextWorkingDay(onOrAfter: firstDay.adding(days: amount)))
        case .endOfDay:
            calendar.deadline(on: firstDay.adding(days: amount))
        }
    }
}
