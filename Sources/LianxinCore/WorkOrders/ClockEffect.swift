/// What one event does to an order's stage clocks.
public enum ClockEffect: Sendable, Hashable {
    /// Start the stage's clock at the event time, replacing one still running.
    case start(SLAStage)
    /// Stop the stage's running clock, which is then met or breached for good.
    case stop(SLAStage)
    /// Drop the stage's running clock without a verdict: the work moved elsewhere.
    case discard(SLAStage)
    /// Stand every running clock still (waiting on the requester, shelved).
    case pauseAll
    /// Let every paused clock run again.
    case resumeAll
    /// Add an approved extension to the stage's running clock.
    case extend(SLAStage, TimeLimit)
}

extension WorkOrderEvent {
    /// The event's effects on the stage clocks, in order.
    public var clockEffects: [ClockEffect] {
        let handling: [SLAStage] = [.sign, .respond, .arrive, .complete]
        let everyStage = SLAStage.allCases
        switch kind {
        case .created:
            return [.start(.create)]
        case .accepted:
            return [.stop(.create), .start(.dispatch)]
        case .dispatched, .redispatched:
            return [.stop(.dispatch), .discard(.arrive), .start(.sign), .start(.respond), .start(.complete)]
        case .returned, .escalated, .returnApproved:
            return handling.map(ClockEffect.discard) + [.start(.dispatch)]
        case .returnRequested, .returnRefused, .appealFiled, .appealDecided:
            // A return waiting for the dispatcher leaves the unit's clocks running: a refused return costs its time.
            return []
        case .signed:
            return [.stop(.sign), .start(.arrive)]
        case .arrived:
            return [.stop(.arrive), .stop(.respond)]
        case .progressStarted, .progressNoted:
            return [.stop(.respond)]
        case .completed:
            // With an on-site check required (核查) the check is timed first; the feedback clock starts once it passes.
            return [.stop(.respond), .stop(.arrive), .stop(.complete), .start(to == .verifying ? .verify : .feedback)]
        case .verified:
            return [.stop(.verify), .start(payload.approved == true ? .feedback : .complete)]
        case .reviewed:
            return payload.approved == false ? [.discard(.feedback), .start(.complete)] : []
        case .evaluated:
            let redo: [ClockEffect] = to == .reopened ? [.start(.sign), .start(.respond), .start(.complete)] : []
            return [.stop(.feedback)] + redo
        case .reopened:
            return [.start(.sign), .start(.respond), .start(.complete)]
        case .answeredDirectly:
            return [.stop(.create)] + everyStage.filter { $0 != .create }.map(ClockEffect.discard)
        case .closed, .closedWithParent:
            return [.stop(.feedback)] + everyStage.filter { $0 != .feedback }.map(ClockEffect.discard)
        case .cancelled, .merged:
            return everyStage.map(ClockEffect.discard)
        case .shelved, .paused:
            return [.pauseAll]
        case .unshelved, .resumed:
            return [.resumeAll]
        case .informationAdded:
            return payload.resumed == true ? [.resumeAll] : []
        case .extensionApproved:
            return payload.extra.map { [.extend(.complete, $0)] } ?? []
        case .assigned, .extensionRequested, .extensionRefused, .reminded, .supervised:
            return []
        case .assistsAdded, .assistSigned, .assistReported, .assistReleaseRequested, .assistReleaseDecided, .assistWaived:
            // Assisting parts keep their own clocks (`AssistClocks`); the lead's are untouched.
            return []
        }
    }
}
