import Foundation

extension WorkCalendar {
    /// Office time between two instants, counting working periods of working days only, in seconds.
    public func workingTime(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        var day = self.day(of: start)
        let lastDay = self.day(of: end)
        while day <= lastDay {
            if isWorkingDay(day) {
                for period in workingHours.periods {
                    let from = max(instant(on: day, minute: period.startMinute), start)
                    let to = min(instant(on: day, minute: period.endMinute), end)
                    if to > from { total += to.timeIntervalSince(from) }
                }
            }
            day = day.adding(days: 1)
        }
        return total
    }

    /// The earliest instant by which `seconds` of office time have passed since `start`.
    public func addingWorkingTime(_ seconds: TimeInterval, to start: Date) -> Date {
        guard seconds > 0 else { return start }
        var remaining = seconds
        var day = self.day(of: start)
        while true {
            if isWorkingDay(day) {
                for period in workingHours.periods {
                    let from = max(instant(on: day, minute: period.startMinute), start)
                    let close = instant(on: day, minute: period.endMinute)
                    guard close > from else { continue }
                    let available = close.timeIntervalSince(from)
                    if remaining <= available { return from.addingTimeInterval(remaining) }
                    remaining -= available
                }
            }
            day = day.adding(days: 1)
        }
    }
}
