import Foundation

/// A reporting period of whole Beijing days (Asia/Shanghai): a day, an ISO week, a month, a quarter, a year or a
/// custom range. It runs from 00:00 on `first` to 24:00 on `last`, Beijing time.
public struct Period: Sendable, Hashable {
    public let kind: PeriodKind
    public let first: LocalDate
    public let last: LocalDate

    /// A period from its parts, which the caller has checked.
    init(kind: PeriodKind, first: LocalDate, last: LocalDate) {
        self.kind = kind
        self.first = first
        self.last = last
    }

    /// One day.
    public static func day(_ day: LocalDate) -> Period {
        Period(kind: .day, first: day, last: day)
    }

    /// The ISO week (Monday to Sunday) that holds `day`.
    public static func week(containing day: LocalDate) -> Period {
        let monday = day.adding(days: 1 - day.isoWeekday)
        return Period(kind: .week, first: monday, last: monday.adding(days: 6))
    }

    /// ISO week `week` of ISO week-year `year`; nil when the year has no such week (only some have a 53rd).
    public static func week(year: Int, week: Int) -> Period? {
        guard week >= 1, week <= weeks(inISOYear: year) else { return nil }
        return .week(containing: firstMonday(ofISOYear: year).adding(days: 7 * (week - 1)))
    }

    /// One calendar month; nil for a month other than 1…12.
    public static func month(year: Int, month: Int) -> Period? {
        guard (1...12).contains(month) else { return nil }
        return months(year: year, from: month, count: 1, kind: .month)
    }

    /// Quarter 1…4 of `year`; nil for any other quarter.
    public static func quarter(year: Int, quarter: Int) -> Period? {
        guard (1...4).contains(quarter) else { return nil }
        return months(year: year, from: 3 * quarter - 2, count: 3, kind: .quarter)
    }

    /// One calendar year.
    public static func year(_ year: Int) -> Period {
        months(year: year, from: 1, count: 12, kind: .year)
    }

    /// The days from `first` through `last`; nil when `last` comes before `first`.
    public static func custom(from first: LocalDate, through last: LocalDate) -> Period? {
        guard first <= last else { return nil }
        return Period(kind: .custom, first: first, last: last)
    }

    /// The period of `kind` that holds `day`; nil for `custom`, which has no natural boundaries.
    public static func containing(_ day: LocalDate, kind: PeriodKind) -> Period? {
        let (year, month, _) = day.components
        switch kind {
        case .day: return .day(day)
        case .week: return .week(containing: day)
        case .month: return months(year: year, from: month, count: 1, kind: .month)
        case .quarter: return months(year: year, from: month - (month - 1) % 3, count: 3, kind: .quarter)
        case .year: return .year(year)
        case .custom: return nil
        }
    }

    /// How many days the period has.
    public var dayCount: Int { last.daysSinceEpoch - first.daysSinceEpoch + 1 }

    /// Whether `day` lies in the period.
    public func contains(_ day: LocalDate) -> Bool { first <= day && day <= last }

    /// 00:00 Beijing time on the first day.
    public var start: Date { WorkCalendar.china.instant(on: first, minute: 0) }

    /// 24:00 Beijing time on the last day, the first instant after the period.
    public var end: Date { WorkCalendar.china.instant(on: last.adding(days: 1), minute: 0) }

    /// Whether `instant` falls in the period.
    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }

    /// The ISO week-year and week number of `day`: the week belongs to the year of its Thursday.
    public static func isoWeek(of day: LocalDate) -> (year: Int, week: Int) {
        let year = day.adding(days: 4 - day.isoWeekday).year
        return (year, (day.daysSinceEpoch - firstMonday(ofISOYear: year).daysSinceEpoch) / 7 + 1)
    }

    /// 52 or 53: the number of ISO weeks in week-year `year`, the week of 28 December.
    public static func weeks(inISOYear year: Int) -> Int {
        isoWeek(of: existingDay(year, 12, 28)).week
    }

    /// `count` whole months from month `month` (1…12) of `year`.
    private static func months(year: Int, from month: Int, count: Int, kind: PeriodKind) -> Period {
        let next = existingDay(year + (month + count - 1) / 12, (month + count - 1) % 12 + 1, 1)
        return Period(kind: kind, first: existingDay(year, month, 1), last: next.adding(days: -1))
    }

    /// The Monday of ISO week 1 of `year`, the week that holds 4 January.
    static func firstMonday(ofISOYear year: Int) -> LocalDate {
        let january4 = existingDay(year, 1, 4)
        return january4.adding(days: 1 - january4.isoWeekday)
    }

    /// A day every year has (the 1st of a month, 4 January, 28 December).
    private static func existingDay(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        guard let date = LocalDate(year: year, month: month, day: day) else {
            preconditionFailure("\(year)-\(month)-\(day) is not a day")
        }
        return date
    }
}
