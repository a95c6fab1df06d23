import Foundation

/// The current state of an order, a projection of its events: `rebuild(from:)` reproduces it exactly.
public struct WorkOrderState: Sendable, Hashable, Codable {
    public let id: UUID
    /// The sequence of the last event applied.
    public internal(set) var version: Int
    public internal(set) var status: WorkOrderStatus
    public internal(set) var tier: Tier
    public internal(set) var priority: Priority
    /// The level that handles the order now (community, township, county, city).
    public internal(set) var handlingLevel: DivisionLevel
    /// The unit responsible now; kept after completion so a reopened order returns to it.
    public internal(set) var departmentID: UUID?
    /// The person responsible inside the unit.
    public internal(set) var assigneeID: UUID?
    /// The unit that last sent the order back, and why.
    public internal(set) var returnedByDepartmentID: UUID?
    public internal(set) var returnReason: String?
    /// The code of the return reason chosen from the county's list, when there was one.
    public internal(set) var returnReasonCode: String?
    /// While a unit's return waits for the dispatcher's decision: the status it was returned from, where a refusal
    /// sends it back. Nil otherwise (also for an approved return, and for the older returns that needed no decision).
    public internal(set) var statusBeforeReturn: WorkOrderStatus?
    /// An assessment appeal (核减) waiting for the centre: its kind.
    public internal(set) var pendingAppeal: AppealKind?
    /// Set once the centre approved an appeal: the order stays visible but leaves the unit's 三率 and ranking.
    public internal(set) var exemptedFromAssessment: AppealKind?
    public internal(set) var pendingExtension: ExtensionRequest?
    /// Extensions approved in the current handling round (since the last dispatch, reopening or escalation).
    public internal(set) var approvedExtensions: [TimeLimit]
    /// When the current wait on the requester began.
    public internal(set) var pausedSince: Date?
    /// Finished waits on the requester.
    public internal(set) var pauses: [ClockPause]
    public internal(set) var evaluation: Evaluation?
    public internal(set) var evaluatedAt: Date?
    public internal(set) var reopenCount: Int
    /// The parent this order is merged under.
    public internal(set) var parentID: UUID?
    /// 0 unsupervised, 1 督办, 2 and up 提级督办.
    public internal(set) var supervisionLevel: Int
    public internal(set) var supervisionDeadline: Date?
    public internal(set) var reminderCount: Int
    /// Where a shelved order returns when unshelved.
    public internal(set) var statusBeforeShelve: WorkOrderStatus?
    public internal(set) var shelveReason: String?
    public internal(set) var cancelReason: String?
    public internal(set) var createdAt: Date
    public internal(set) var updatedAt: Date
    public internal(set) var completedAt: Date?
    /// Who reported the result that stands (办结): they may not check it on site (核查).
    public internal(set) var completedBy: UUID?
    /// The outcome of the last on-site check (核查) of the current result; nil before any.
    public internal(set) var verificationPassed: Bool?
    public internal(set) var closedAt: Date?
    /// The reply the resident sees (答复内容) of the last completion or direct answer, apart from internal notes.
    public internal(set) var publicReply: String?
    /// True when a consultation was answered and closed on the call (直接办结).
    public internal(set) var answeredDirectly: Bool?
    /// The knowledge entry that answered it directly, if any.
    public internal(set) var knowledgeEntryID: UUID?
    /// The assisting units' parts of a joint order (协办); nil for an order handled by one unit. See `assists`.
    public internal(set) var assistParts: [AssistPart]?

    /// The state right after `created`.
    init(created event: WorkOrderEvent, tier: Tier, priority: Priority, handlingLevel: DivisionLevel) {
        id = event.orderID
        version = event.sequence
        status = event.to
        self.tier = tier
        self.priority = priority
        self.handlingLevel = handlingLevel
        approvedExtensions = []
        pauses = []
        reopenCount = 0
        supervisionLevel = 0
        reminderCount = 0
        createdAt = event.at
        updatedAt = event.at
    }

    /// Whether a supervisor follows the order (督办), marked everywhere it is shown.
    public var isSupervised: Bool { supervisionLevel > 0 }

    /// Whether the order is shelved (挂账).
    public var isShelved: Bool { status == .shelved }

    /// Whether the order waits on the requester, its clocks standing still.
    public var isPaused: Bool { pausedSince != nil }

    /// Whether a unit's return waits for the dispatcher to approve or refuse it.
    public var isReturnPending: Bool { status == .returned && statusBeforeReturn != nil }

    /// Whether duplicates may be merged under this order.
    public var acceptsMergedChildren: Bool { !status.isFinal }
}
