/// The state of one summoned department's part of a whistle the machine needs.
public struct WhistleState: Sendable, Hashable {
    public var status: WhistleStatus
    /// Whether the acting department has reported on site (nil when the actor is not a summoned department).
    public var reported: Bool?

    public init(status: WhistleStatus, reported: Bool? = nil) {
        self.status = status
        self.reported = reported
    }
}

/// The 吹哨报到 lifecycle as pure functions: a step, the whistle's state and who acts go in; the next
/// state comes out, or a `WhistleRefusal` saying why not.
///
/// blow → open; each summoned department reports (once, while open), then records work;
/// the blower marks departments and closes the whistle → closed.
public enum WhistleMachine {
    /// The state a new whistle starts in.
    public static func blow(by actor: WhistleActor) throws(WhistleRefusal) -> WhistleState {
        guard WhistleGuard.of(.blow).permits(actor) else { throw .notPermitted(.blow) }
        return WhistleState(status: .open)
    }

    /// Applies `step` to the whistle in `state`.
    public static func apply(
        _ step: WhistleStep, to state: WhistleState,
        by actor: WhistleActor
    ) throws(WhistleRefusal) -> WhistleState {
        if step == .blow { return try blow(by: actor) }
        let rule = WhistleGuard.of(step)
        guard rule.permits(actor) else { throw .notPermitted(step) }
        guard rule.statuses.contains(state.status) else { throw .closed(step) }
        var next = state
        switch step {
        case .blow, .evaluate:
            break
        case .report:
            guard state.reported != true else { throw .alreadyReported }
            next.reported = true
        case .recordWork:
            guard state.reported == true else { throw .notReported }
        case .close:
            next.status = .closed
        }
        return next
    }
}
