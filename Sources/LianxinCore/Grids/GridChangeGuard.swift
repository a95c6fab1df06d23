/// Who may take each grid-change step and from which statuses: one table, so the API, the jobs and
/// the tests agree.
public struct GridChangeGuard: Sendable {
    /// The permission a staff member needs; nil when only the system takes the step.
    public let permission: Permission?
    /// Whether the staff member's account must sit at county level (the county decides).
    public let countyOnly: Bool
    /// Whether the system takes the step.
    public let allowsSystem: Bool
    /// Statuses the step applies in; empty for the first step, which starts a change.
    public let statuses: Set<GridChangeStatus>

    /// Whether `actor` may ever take the step.
    public func permits(_ actor: GridChangeActor) -> Bool {
        switch actor {
        case .system: allowsSystem
        case .staff(let role, let countyLevel):
            permission.map { role.can($0) } == true && (!countyOnly || countyLevel)
        }
    }

    /// The guard of `kind`.
    public static func of(_ kind: GridChangeStepKind) -> GridChangeGuard {
        switch kind {
        case .propose:
            GridChangeGuard(permission: .proposeGridChanges, countyOnly: false, allowsSystem: false, statuses: [])
        case .resubmit:
            GridChangeGuard(permission: .proposeGridChanges, countyOnly: false, allowsSystem: false, statuses: [.returned])
        case .review:
            GridChangeGuard(permission: .reviewGridChanges, countyOnly: false, allowsSystem: false, statuses: [.submitted])
        case .countyDecision:
            GridChangeGuard(permission: .approveGridChanges, countyOnly: true, allowsSystem: false, statuses: [.submitted])
        case .apply:
            GridChangeGuard(permission: nil, countyOnly: false, allowsSystem: true, statuses: [.approved])
        }
    }
}
