import Foundation

/// One work order as analytics see it (工单事实): a compact projection of its events and clocks that rollups and
/// reports count from. `applying(_:clocks:in:)` keeps it current event by event; `from(events:…)` rebuilds it.
public struct OrderFact: Sendable, Hashable, Codable {
    public let orderID: UUID
    /// The sequence of the last event applied.
    public internal(set) var version: Int
    /// Where, what and how; the server updates it when an order is relocated or reclassified.
    public var dimensions: OrderDimensions
    public internal(set) var status: WorkOrderStatus
    public internal(set) var tier: Tier
    /// The unit responsible now, as on the order row (nil while back with a dispatcher).
    public internal(set) var departmentID: UUID?
    public internal(set) var createdAt: Date
    /// The latest dispatch (派单 or 改派); set once the order has been dispatched at all.
    public internal(set) var dispatchedAt: Date?
    /// When the unit signed (签收) in the current handling round.
    public internal(set) var signedAt: Date?
    /// When the result that stands was reported (办结); cleared when review or a reopening sends it back.
    public internal(set) var completedAt: Date?
    public internal(set) var closedAt: Date?
    /// The latest evaluation (回访评价), kept while a reopened order is redone.
    public internal(set) var satisfaction: Satisfaction?
    public internal(set) var solved: Bool?
    public internal(set) var evaluatedAt: Date?
    /// How many times a result was reported, including ones sent back.
    public internal(set) var completionCount: Int
    /// Approved extensions (延期) over the order's whole life.
    public internal(set) var extensionCount: Int
    /// Reopenings (重办) over the order's whole life.
    public internal(set) var reopenCount: Int
    /// The parent this order was merged under (并单); kept after it closes with the parent.
    public internal(set) var parentID: UUID?
    /// The latest clock of each stage the order's policy times, in `SLAStage` order. Rates judge the current
    /// handling round by these, as the badges do: a redispatch or a reopening starts new clocks that replace the old
    /// ones, and earlier rounds show in the reopen and extension counts instead.
    public internal(set) var stages: [StageFact]
    /// True once the hotline centre approved an assessment appeal (核减): the order stays on every list but leaves
    /// the rates and rankings. Nil (never appealed successfully) in facts stored before appeals existed.
    public internal(set) var exemptedFromAssessment: Bool?
    /// Why the centre left it out (无理、重复、恶意诉求…), from the approved appeal; nil when not exempted or in facts
    /// stored before the kind was kept.
    public internal(set) var exemptionKind: AppealKind?
    /// On-site checks (核查) passed and failed over the order's whole life; nil in facts stored before checks existed.
    public internal(set) var verificationsPassed: Int?
    public internal(set) var verificationsFailed: Int?
    /// True when the consultation was answered and closed on the call (直接办结); nil in facts stored before.
    public internal(set) var answeredDirectly: Bool?
    /// True when that direct answer came from a knowledge-base entry.
    public internal(set) var answeredFromKnowledge: Bool?
    /// Times a unit handed the order back to the dispatchers (退单, approved where approval is needed) over its whole
    /// life; nil in facts stored before returns were counted.
    public internal(set) var returnCount: Int?
    /// True when the order is the same requester calling again about an open order's problem (重复诉求), linked
    /// under it; such an order is a merged child, so rates do not count it again.
    public internal(set) var linkedAsRepeat: Bool?

    /// Whether the order was cancelled (作废).
    public var isCancelled: Bool { status == .cancelled }

    /// Whether the order is a duplicate merged under a parent, before or after it closed with it.
    public var isMergedChild: Bool { parentID != nil }

    /// Whether the order is shelved (挂账).
    public var isShelved: Bool { status == .shelved }

    /// Whether rates count the order: every order except cancelled ones, merged children and those the centre left
    /// out of the assessment (核减).
    public var isCounted: Bool { !isCancelled && !isMergedChild && exemptedFromAssessment != true }

    /// The day the order was created in Beijing time, the day its rollup row belongs to.
    public var createdDay: LocalDate { LocalDate(createdAt, in: WorkCalendar.shanghai) }

    /// The latest clock of `stage`, if the policy times it and it ever started.
    public func stage(_ stage: SLAStage) -> StageFact? {
        stages.first { $0.stage == stage }
    }

    /// The instant after which the order counts as overdue and open (超期未办) on one of `stages`; nil when it
    /// cannot be: final, shelved, not counted, or its running clocks paused in time.
    public func overdueAfter(on stages: Set<SLAStage> = Set(SLAStage.allCases)) -> Date? {
        guard isCounted, status.isOpen else { return nil }
        return self.stages.filter { stages.contains($0.stage) }.compactMap(\.overdueAfter).min()
    }

    /// Whether the order is open and overdue on one of `stages` at `instant`.
    public func isOverdue(at instant: Date, on stages: Set<SLAStage> = Set(SLAStage.allCases)) -> Bool {
        overdueAfter(on: stages).map { instant > $0 } ?? false
    }
}
