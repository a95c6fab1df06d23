/// Who may take each whistle step and from which statuses: one table, so the API, the pages and the
/// tests agree. The blower's steps need the `blowWhistle` permission; the summoned department's
/// steps need an account of a department the whistle summoned.
public struct WhistleGuard: Sendable {
    /// Whether the step belongs to a summoned department (otherwise to whoever may blow whistles).
    public let bySummonedDepartment: Bool
    /// Statuses the step applies in; empty for `blow`, which starts a whistle.
    public let statuses: Set<WhistleStatus>

    /// Whether `actor` may ever take the step.
    public func permits(_ actor: WhistleActor) -> Bool {
        bySummonedDepartment ? actor.role.requiresDepartment && actor.summoned : actor.role.can(.blowWhistle)
    }

    /// The guard of `step`. Work notes and marks may still be added after closing, as they always could.
    public static func of(_ step: WhistleStep) -> WhistleGuard {
        switch step {
        case .blow: WhistleGuard(bySummonedDepartment: false, statuses: [])
        case .report: WhistleGuard(bySummonedDepartment: true, statuses: [.open])
        case .recordWork: WhistleGuard(bySummonedDepartment: true, statuses: [.open, .closed])
        case .evaluate: WhistleGuard(bySummonedDepartment: false, statuses: [.open, .closed])
        case .close: WhistleGuard(bySummonedDepartment: false, statuses: [.open])
        }
    }
}
