/// What happened to an order; stored as the event row's `kind`.
public enum WorkOrderEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case created, accepted, dispatched, redispatched, signed, assigned, returned, arrived
    case progressStarted, progressNoted, extensionRequested, extensionApproved, extensionRefused
    case completed, reviewed, evaluated, reopened, closed, closedWithParent, merged
    case shelved, unshelved, cancelled, paused, resumed, reminded, supervised, escalated
    case informationAdded, answeredDirectly
    /// A unit's return waiting for the dispatcher (`returned` is the older return that needed no decision).
    case returnRequested, returnApproved, returnRefused
    /// An assessment appeal (核减) filed and decided.
    case appealFiled, appealDecided
    /// An on-site check (核查) of a completion, passed or failed (`payload.approved`).
    case verified
    /// Joint handling (主办/协办): assisting units named, and each one's sign, report and release; the dispatcher's
    /// decision to go on without one (`payload.departmentID` names the assisting unit).
    case assistsAdded, assistSigned, assistReported, assistReleaseRequested, assistReleaseDecided, assistWaived
}
