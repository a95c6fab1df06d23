/// The periods a figure is compared with (环比 and 同比).
extension Period {
    /// The period just before, of the same kind (环比): the day, ISO week, month, quarter or year before; for a
    /// custom range, the same number of days ending the day before it starts.
    public var previous: Period {
        let dayBefore = first.adding(days: -1)
        switch kind {
        case .week: return .week(containing: dayBefore)
        case .custom: return Period(kind: .custom, first: first.adding(days: -dayCount), last: dayBefore)
        case .day, .month, .quarter, .year: return Period.containing(dayBefore, kind: kind) ?? self
        }
    }

    /// The same period a year earlier (同比): the same date, ISO week number, month, quarter or range one year
    /// back. 29 February becomes 28 February, and week 53 becomes week 52 in a year without one.
    public var sameLastYear: Period {
        switch kind {
        case .week:
            let (year, week) = Self.isoWeek(of: first)
            let earlier = Self.firstMonday(ofISOYear: year - 1).adding(days: 7 * (min(week, Self.weeks(inISOYear: year - 1)) - 1))
            return .week(containing: earlier)
        case .custom:
            return Period(kind: .custom, first: Self.oneYearEarlier(first), last: Self.oneYearEarlier(last))
        case .day, .month, .quarter, .year:
            return Period.containing(Self.oneYearEarlier(first), kind: kind) ?? self
        }
    }

    /// The same date a year earlier, 28 February for 29 February.
    private static func oneYearEarlier(_ day: LocalDate) -> LocalDate {
        let (year, month, date) = day.components
        return LocalDate(year: year - 1, month: month, day: month == 2 && date == 29 ? 28 : date) ?? day
    }
}
