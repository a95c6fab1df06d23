import Foundation

extension WorkCalendar {
    /// The first working day on or after `day`.
    public func nextWorkingDay(onOrAfter day: LocalDate) -> LocalDate {
        var candidate = day
        while !isWorkingDay(candidate) { candidate = candidate.adding(days: 1) }
        return candidate
    }

    /// The `count`-th working day after `day`, which itself is not counted (开始的当日不计入);
    /// with `count` 0, the first working day on or after `day`.
    public func addingWorkingDays(_ count: Int, after day: LocalDate) -> LocalDate {
        var candidate = day
        var counted = 0
        while counted < count {
            candidate = candidate.adding(days: 1)
            if isWorkingDay(candidate) { counted += 1 }
        }
        return nextWorkingDay(onOrAfter: candidate)
    }

    /// The day a request received at `instant` counts as received for day-based limits: the local day itself, or,
    /// for a rest day under `RestDayReceipt.nextWorkingDay`, the next working day.
    public func receiptDay(of instant: Date) -> LocalDate {
        let local = day(of: instant)
        switch restDayReceipt {
        case .asReceived: return local
        case .nextWorkingDay: return nextWorkingDay(onOrAfter: local)
        }
    }

    /// The day counting starts from when it is not the day of `instant` (a rest-day receipt moved to the next
    /// working day), for the order page's "非工作日受理，自 12月7日 起算"; nil otherwise.
    public func deferredReceiptDay(of instant: Date) -> LocalDate? {
        let counted = receiptDay(of: instant)
        return counted == day(of: instant) ? nil : counted
    }

    /// The instant a deadline falling on `day` runs out, by `dayEnd`.
    public func deadline(on day: LocalDate) -> Date {
        switch dayEnd {
        case .midnight: instant(on: day.adding(days: 1), minute: 0)
        case .closeOfBusiness: instant(on: day, minute: workingHours.closingMinute)
        }
    }

    /// The day a deadline instant belongs to: 00:00 on the 9th is the end of the 8th.
    public func deadlineDay(of due: Date) -> LocalDate {
        day(of: due.addingTimeInterval(-1))
    }
}
