import Foundation

/// The deadline arithmetic behind `SLAClock` (时限), as pure functions of a calendar.
///
/// Paused time is measured the way the limit counts time (office time for working hours and working days,
/// calendar time otherwise) and the deadline moves by that much; a day-based limit then ends at the day end
/// of the day the moved deadline falls on, moved again to a working day where the unit requires one.
/// Approved extensions are counted from the deadline they extend, in order, before pauses are applied.
public enum Deadline {
    /// When a stage started at `start` is due under `limit`, after `extensions` and `pauses`.
    public static func due(
        start: Date, limit: TimeLimit, extensions: [TimeLimit] = [], pauses: [ClockPause] = [],
        in calendar: WorkCalendar
    ) -> Date {
        let extended = extensions.reduce(limit.deadline(from: start, in: calendar)) { $1.extending($0, in: calendar) }
        let meter = Meter(unit: limit.unit, calendar: calendar)
        let stretches = meter.normalized(pauses, after: start)
        guard stretches.contains(where: { $0.start < extended }) else { return extended }
        let reached = meter.instant(reaching: meter.elapsed(from: start, to: extended), from: start, skipping: stretches)
        guard limit.unit.isDayBased else { return reached }
        var day = calendar.deadlineDay(of: reached)
        if calendar.deadline(on: day) < reached { day = day.adding(days: 1) }
        if limit.unit != .endOfDay { day = calendar.nextWorkingDay(onOrAfter: day) }
        return calendar.deadline(on: day)
    }

    /// When the same clock turns yellow under `threshold`; never before `start`.
    public static func warning(
        start: Date, limit: TimeLimit, threshold: WarningThreshold, extensions: [TimeLimit] = [],
        pauses: [ClockPause] = [], in calendar: WorkCalendar
    ) -> Date {
        let due = due(start: start, limit: limit, extensions: extensions, pauses: pauses, in: calendar)
        switch threshold {
        case .minutesBefore(let minutes):
            return max(start, due.addingTimeInterval(-TimeInterval(minutes * 60)))
        case .fraction(let fraction):
            let meter = Meter(unit: limit.unit, calendar: calendar)
            let stretches = meter.normalized(pauses, after: start)
            let paused = stretches.reduce(0) { $0 + meter.elapsed(from: $1.start, to: min($1.end, due)) }
            let budget = meter.elapsed(from: start, to: due) - paused
            return meter.instant(reaching: budget * min(max(fraction, 0), 1), from: start, skipping: stretches)
        }
    }
}

/// Measures elapsed time in calendar seconds or in office seconds.
private struct Meter {
    let countsOfficeTime: Bool
    let calendar: WorkCalendar

    init(unit: TimeLimitUnit, calendar: WorkCalendar) {
        countsOfficeTime = unit.countsOfficeTime
        self.calendar = calendar
    }

    func elapsed(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        return countsOfficeTime ? calendar.workingTime(from: start, to: end) : end.timeIntervalSince(start)
    }

    func advance(_ start: Date, by seconds: TimeInterval) -> Date {
        countsOfficeTime ? calendar.addingWorkingTime(seconds, to: start) : start.addingTimeInterval(max(seconds, 0))
    }

    /// Pauses cut to start no earlier than `start`, sorted, with overlaps joined and empty ones dropped.
    func normalized(_ pauses: [ClockPause], after start: Date) -> [ClockPause] {
        var joined: [ClockPause] = []
        for pause in pauses.sorted(by: { $0.start < $1.start }) {
            let clipped = ClockPause(start: max(pause.start, start), end: pause.end)
            guard clipped.end > clipped.start else { continue }
            if let last = joined.last, clipped.start <= last.end {
                joined[joined.count - 1] = ClockPause(start: last.start, end: max(last.end, clipped.end))
            } else {
                joined.append(clipped)
            }
        }
        return joined
    }

    /// The earliest instant by which `budget` has elapsed since `start`, not counting the (normalized) pauses.
    func instant(reaching budget: TimeInterval, from start: Date, skipping pauses: [ClockPause]) -> Date {
        var remaining = budget
        var cursor = start
        for pause in pauses {
            let available = elapsed(from: cursor, to: pause.start)
            if available >= remaining { return advance(cursor, by: remaining) }
            remaining -= available
            cursor = max(cursor, pause.end)
        }
        return advance(cursor, by: remaining)
    }
}
