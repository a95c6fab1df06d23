import Foundation

/// The two clocks of an assisting unit's part, from the order's SLA policy and work calendar: signing (签收) under
/// the policy's sign limit (or its response limit, or one working day when the policy times neither) and reporting
/// (协办反馈) under its completion limit, both from when the unit was named. The order's waits on the requester stand
/// them still, like the lead's clocks.
public enum AssistClocks {
    /// The sign limit of an assisting part under `policy`.
    public static func signLimit(_ policy: SLAPolicy) -> StageLimit {
        if let sign = policy.limit(for: .sign) { return sign }
        if let respond = policy.limit(for: .respond) { return StageLimit(.sign, respond.limit, warning: respond.warning) }
        return StageLimit(.sign, .workingDays(1))
    }

    /// The sign clock and the report clock of `part`; a clock stops when the part is signed (sign) or ends (report).
    public static func clocks(of part: AssistPart, policy: SLAPolicy, pauses: [ClockPause], pausedSince: Date?) -> [SLAClock] {
        var result: [SLAClock] = []
        for (stage, stop) in [(SLAStage.sign, part.signedAt ?? part.endedAt), (SLAStage.complete, part.endedAt)] {
            guard let limit = stage == .sign ? signLimit(policy) : policy.limit(for: stage) else { continue }
            var clock = SLAClock(limit, startedAt: part.addedAt)
            for pause in pauses where pause.end > part.addedAt {
                clock.pause(at: max(pause.start, part.addedAt))
                clock.resume(at: pause.end)
            }
            if let pausedSince, stop == nil { clock.pause(at: max(pausedSince, part.addedAt)) }
            if let stop { clock.stop(at: stop) }
            result.append(clock)
        }
        return result
    }

    /// Whether `part` is overdue at `now`: its sign or report clock breached while the part is still open.
    public static func isOverdue(
        _ part: AssistPart, policy: SLAPolicy, pauses: [ClockPause], pausedSince: Date?, at now: Date, in calendar: WorkCalendar
    ) -> Bool {
        guard part.status.isOpen else { return false }
        return clocks(of: part, policy: policy, pauses: pauses, pausedSince: pausedSince).contains {
            $0.isRunning && $0.status(at: now, in: calendar) == .breached
        }
    }
}
