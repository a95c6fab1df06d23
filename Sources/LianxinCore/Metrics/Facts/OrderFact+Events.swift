import Foundation

extension OrderFact {
    /// The fact right after the order's `created` event, with the stage clocks that event started.
    public init(
        created event: WorkOrderEvent, dimensions: OrderDimensions, clocks: WorkOrderClocks,
        in calendar: WorkCalendar
    ) throws(WorkOrderReplayError) {
        guard event.kind == .created, event.sequence == 1, let tier = event.payload.tier else {
            throw .notStartedByCreation
        }
        orderID = event.orderID
        version = event.sequence
        self.dimensions = dimensions
        status = event.to
        self.tier = tier
        createdAt = event.at
        completionCount = 0
        extensionCount = 0
        reopenCount = 0
        stages = Self.stages(of: clocks, at: event.at, in: calendar)
    }

    /// The fact after `event`, the order's next event; `clocks` are the order's clocks after the same event.
    public func applying(_ event: WorkOrderEvent, clocks: WorkOrderClocks, in calendar: WorkCalendar) -> OrderFact {
        var next = self
        next.version = event.sequence
        next.status = event.to
        next.stages = Self.stages(of: clocks, at: event.at, in: calendar)
        let payload = event.payload
        switch event.kind {
        case .dispatched, .redispatched:
            next.departmentID = payload.departmentID
            next.dispatchedAt = event.at
            next.signedAt = nil
        case .returned, .returnApproved:
            next.departmentID = nil
            next.signedAt = nil
            next.returnCount = (next.returnCount ?? 0) + 1
        case .escalated:
            next.departmentID = nil
            next.signedAt = nil
        case .signed:
            next.signedAt = event.at
        case .extensionApproved:
            next.extensionCount += 1
        case .completed:
            next.completedAt = event.at
            next.completionCount += 1
        case .reviewed:
            if payload.approved == false { next.completedAt = nil }
        case .evaluated:
            next.satisfaction = payload.evaluation?.satisfaction
            next.solved = payload.evaluation?.solved
            next.evaluatedAt = event.at
            if event.to == .reopened { next.reopen() }
        case .reopened:
            next.reopen()
        case .closed, .closedWithParent:
            next.closedAt = event.at
        case .answeredDirectly:
            next.completedAt = event.at
            next.completionCount += 1
            next.closedAt = event.at
            next.answeredDirectly = true
            next.answeredFromKnowledge = payload.knowledgeEntryID != nil
        case .merged:
            next.parentID = payload.parentID
            next.linkedAsRepeat = payload.repeatedRequest
        case .appealDecided:
            if payload.approved == true {
                next.exemptedFromAssessment = true
                next.exemptionKind = payload.appealKind
            }
        case .verified:
            if payload.approved == true {
                next.verificationsPassed = (next.verificationsPassed ?? 0) + 1
            } else {
                next.verificationsFailed = (next.verificationsFailed ?? 0) + 1
                next.completedAt = nil
            }
        case .created, .accepted, .assigned, .arrived, .progressStarted, .progressNoted, .extensionRequested,
            .extensionRefused, .shelved, .unshelved, .cancelled, .paused, .resumed, .reminded, .supervised, .informationAdded,
            .returnRequested, .returnRefused, .appealFiled, .assistsAdded, .assistSigned, .assistReported,
            .assistReleaseRequested, .assistReleaseDecided, .assistWaived:
            break
        }
        return next
    }

    /// Rebuilds the fact of one order from its whole history, replaying its clocks under `policy`.
    public static func from(
        events: [WorkOrderEvent], dimensions: OrderDimensions, policy: SLAPolicy, in calendar: WorkCalendar
    ) throws(WorkOrderReplayError) -> OrderFact {
        guard let first = events.first else { throw .noEvents }
        var clocks = WorkOrderClocks()
        clocks.apply(first, policy: policy)
        var fact = try OrderFact(created: first, dimensions: dimensions, clocks: clocks, in: calendar)
        for event in events.dropFirst() {
            guard event.orderID == fact.orderID else { throw .foreignEvent(sequence: event.sequence) }
            guard event.sequence == fact.version + 1 else {
                throw .outOfSequence(expected: fact.version + 1, found: event.sequence)
            }
            clocks.apply(event, policy: policy)
            fact = fact.applying(event, clocks: clocks, in: calendar)
        }
        return fact
    }

    private mutating func reopen() {
        reopenCount += 1
        signedAt = nil
        completedAt = nil
        closedAt = nil
    }

    private static func stages(of clocks: WorkOrderClocks, at instant: Date, in calendar: WorkCalendar) -> [StageFact] {
        SLAStage.allCases.compactMap { stage in
            clocks.clocks.last { $0.stage == stage }.map { StageFact($0, at: instant, in: calendar) }
        }
    }
}
