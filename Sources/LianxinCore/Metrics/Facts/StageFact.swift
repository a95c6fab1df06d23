import Foundation

/// What analytics keep of one stage of an order: its latest clock, reduced to dates and a verdict.
public struct StageFact: Sendable, Hashable, Codable {
    public let stage: SLAStage
    public let startedAt: Date
    /// The deadline as it stood at the order's last event; for a paused clock, as it stood when the pause began.
    public let dueAt: Date
    public let stoppedAt: Date?
    /// When the running clock stood still (waiting on the requester, or shelved).
    public let pausedSince: Date?
    /// Whether the stage ended by its deadline; nil while the clock runs.
    public let met: Bool?
    /// Whole seconds from start to stop with paused time left out; nil while the clock runs.
    public let durationSeconds: Int?

    /// The fact of `clock` as it stands at `instant`, the time of the order's latest event.
    public init(_ clock: SLAClock, at instant: Date, in calendar: WorkCalendar) {
        stage = clock.stage
        startedAt = clock.startedAt
        stoppedAt = clock.stoppedAt
        pausedSince = clock.pausedSince
        dueAt = clock.due(asOf: clock.stoppedAt ?? clock.pausedSince ?? instant, in: calendar)
        if let stoppedAt = clock.stoppedAt {
            met = clock.status(at: stoppedAt, in: calendar) == .met
            let paused = clock.pauses.reduce(0) { $0 + $1.end.timeIntervalSince($1.start) }
            durationSeconds = max(0, Int((stoppedAt.timeIntervalSince(clock.startedAt) - paused).rounded(.down)))
        } else {
            met = nil
            durationSeconds = nil
        }
    }

    /// Whether the clock still counts or stands paused.
    public var isRunning: Bool { stoppedAt == nil }

    /// The instant after which the running clock is overdue; nil when stopped, or paused before its deadline.
    public var overdueAfter: Date? {
        DueStatus.overdueAfter(dueAt: dueAt, stopped: !isRunning, pausedSince: pausedSince)
    }
}
