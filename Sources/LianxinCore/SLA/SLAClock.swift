import Foundation

/// One stage's clock for one order, stored as data: it knows when it started, its limit, its pauses,
/// its approved extensions and when it stopped, and computes its deadline and status from a `WorkCalendar`.
public struct SLAClock: Sendable, Hashable, Codable {
    public let stage: SLAStage
    public let limit: TimeLimit
    public let warning: WarningThreshold
    public let startedAt: Date
    public private(set) var pauses: [ClockPause]
    public private(set) var pausedSince: Date?
    public private(set) var extensions: [TimeLimit]
    public private(set) var stoppedAt: Date?

    /// A clock for `stageLimit` that starts counting at `startedAt`.
    public init(_ stageLimit: StageLimit, startedAt: Date) {
        stage = stageLimit.stage
        limit = stageLimit.limit
        warning = stageLimit.warning
        self.startedAt = startedAt
        pauses = []
        pausedSince = nil
        extensions = []
        stoppedAt = nil
    }

    /// Whether the clock is still counting or paused, not stopped.
    public var isRunning: Bool { stoppedAt == nil }

    /// Stops counting at `instant`; does nothing if already paused or stopped.
    public mutating func pause(at instant: Date) {
        guard isRunning, pausedSince == nil else { return }
        pausedSince = instant
    }

    /// Counts again from `instant`; does nothing unless paused.
    public mutating func resume(at instant: Date) {
        guard let since = pausedSince else { return }
        pauses.append(ClockPause(start: since, end: max(since, instant)))
        pausedSince = nil
    }

    /// Adds an approved extension; does nothing once stopped.
    public mutating func extend(by extra: TimeLimit) {
        guard isRunning else { return }
        extensions.append(extra)
    }

    /// Stops the clock for good at `instant`, ending any pause; does nothing if already stopped.
    public mutating func stop(at instant: Date) {
        guard isRunning else { return }
        resume(at: instant)
        stoppedAt = instant
    }

    /// The deadline as it stands at `now`: a pause still open counts as ending at `now`.
    public func due(asOf now: Date, in calendar: WorkCalendar) -> Date {
        Deadline.due(start: startedAt, limit: limit, extensions: extensions, pauses: pauses(asOf: now), in: calendar)
    }

    /// The warning time as it stands at `now`.
    public func warningTime(asOf now: Date, in calendar: WorkCalendar) -> Date {
        Deadline.warning(
            start: startedAt, limit: limit, threshold: warning, extensions: extensions,
            pauses: pauses(asOf: now), in: calendar)
    }

    /// The clock's state at `now`: a deadline instant itself is still in time.
    public func status(at now: Date, in calendar: WorkCalendar) -> ClockStatus {
        if let stoppedAt {
            return stoppedAt <= due(asOf: stoppedAt, in: calendar) ? .met : .breached
        }
        if let pausedSince {
            return pausedSince <= due(asOf: pausedSince, in: calendar) ? .paused : .breached
        }
        if now > due(asOf: now, in: calendar) { return .breached }
        return now >= warningTime(asOf: now, in: calendar) ? .warning : .running
    }

    private func pauses(asOf now: Date) -> [ClockPause] {
        guard let pausedSince else { return pauses }
        return pauses + [ClockPause(start: pausedSince, end: max(pausedSince, now))]
    }
}
