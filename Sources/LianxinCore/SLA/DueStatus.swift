import Foundation

/// Where an open order stands against its deadlines at an instant: the one definition of 超期 (overdue) and
/// 即将到期 (due soon) shared by 督办, the order list, the dispatch queue, the home pages and the dashboard.
///
/// Every page reads the same stored instant, `overdueAfter` (see `DueStatus.overdueAfter(of:at:in:status:)`),
/// and compares it with the moment of the request, so the pages agree for the same moment whether or not the
/// SLA sweep has run since.
public enum DueStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Past a running deadline (`instant > overdueAfter`).
    case overdue
    /// Not yet overdue and due within `soonWindow`.
    case dueSoon
    /// Due later than `soonWindow`.
    case onTime
    /// No running deadline: finished, shelved, paused in time, or untimed.
    case untimed

    /// How far ahead "due soon" (即将到期, "4 小时内到期") looks.
    public static let soonWindow: TimeInterval = 4 * 3_600

    /// The status at `instant` of an order that becomes overdue after `overdueAfter`.
    public static func at(_ instant: Date, overdueAfter: Date?) -> DueStatus {
        guard let overdueAfter else { return .untimed }
        if instant > overdueAfter { return .overdue }
        return overdueAfter.timeIntervalSince(instant) <= soonWindow ? .dueSoon : .onTime
    }

    /// The window of `overdueAfter` values that are due soon at `instant`: from the instant itself (not yet
    /// overdue) to `soonWindow` later, both included.
    public static func soonRange(at instant: Date) -> ClosedRange<Date> {
        instant...instant.addingTimeInterval(soonWindow)
    }

    /// The instant after which one clock is overdue: its deadline while it runs; for a paused clock, its
    /// deadline only if the pause began after it (a pause in time cannot become overdue); nil once stopped.
    public static func overdueAfter(dueAt: Date, stopped: Bool, pausedSince: Date?) -> Date? {
        guard !stopped else { return nil }
        guard let pausedSince else { return dueAt }
        return pausedSince > dueAt ? dueAt : nil
    }

    /// The instant after which an order with `clocks` and `status` is overdue, as it stands at `instant` (its
    /// latest event): the earliest over its running clocks; nil when the order is not open (final or shelved).
    public static func overdueAfter(of clocks: [SLAClock], at instant: Date, in calendar: WorkCalendar, status: WorkOrderStatus) -> Date? {
        guard status.isOpen else { return nil }
        return clocks.compactMap { clock in
            overdueAfter(
                dueAt: clock.due(asOf: clock.stoppedAt ?? clock.pausedSince ?? instant, in: calendar), stopped: !clock.isRunning,
                pausedSince: clock.pausedSince)
        }.min()
    }
}
