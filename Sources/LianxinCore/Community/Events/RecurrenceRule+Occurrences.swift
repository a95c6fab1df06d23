extension RecurrenceRule {
    /// Whether the event takes place on `day`: the pattern falls on it, it is not a skipped date, and it is
    /// not a holiday (`isHoliday`, e.g. a WorkCalendar's test or a set's `contains`) when the rule skips those.
    public func occurs(on day: LocalDate, isHoliday: (LocalDate) -> Bool = { _ in false }) -> Bool {
        pattern.includes(day) && !skippedDates.contains(day) && !(skipsHolidays && isHoliday(day))
    }

    /// The event's sittings on the days `first` through `last`, in order, in Beijing time.
    public func occurrences(
        from first: LocalDate, through last: LocalDate, isHoliday: (LocalDate) -> Bool = { _ in false }
    ) -> [Occurrence] {
        guard first <= last else { return [] }
        return (first.daysSinceEpoch...last.daysSinceEpoch)
            .map(LocalDate.init(daysSinceEpoch:))
            .filter { occurs(on: $0, isHoliday: isHoliday) }
            .map { day in
                Occurrence(
                    day: day,
                    start: ShanghaiTime.instant(on: day, minute: window.start.minutesSinceMidnight),
                    end: ShanghaiTime.instant(on: day, minute: window.end.minutesSinceMidnight))
            }
    }
}
