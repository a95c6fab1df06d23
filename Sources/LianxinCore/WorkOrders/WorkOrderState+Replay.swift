import Foundation

extension WorkOrderState {
    /// The state after `event`, which must be the order's next event; the machine's transitions use it too.
    public func applying(_ event: WorkOrderEvent) -> WorkOrderState {
        var next = self
        next.version = event.sequence
        next.status = event.to
        next.updatedAt = event.at
        let payload = event.payload
        if event.to != .returned { next.statusBeforeReturn = nil }
        next.applyAssist(event)
        switch event.kind {
        case .created, .accepted, .arrived, .progressStarted, .progressNoted:
            break
        case .assistsAdded, .assistSigned, .assistReported, .assistReleaseRequested, .assistReleaseDecided, .assistWaived:
            break
        case .dispatched, .redispatched:
            next.departmentID = payload.departmentID
            next.assigneeID = nil
            next.startHandlingRound()
        case .signed, .assigned:
            next.assigneeID = payload.assigneeID
        case .returned:
            next.returnedByDepartmentID = payload.departmentID
            next.returnReason = event.note
            next.departmentID = nil
            next.assigneeID = nil
            next.pendingExtension = nil
        case .returnRequested:
            // The unit keeps the order (and its clocks) until the dispatcher decides.
            next.returnedByDepartmentID = payload.departmentID
            next.returnReason = event.note
            next.returnReasonCode = payload.returnReasonCode
            next.statusBeforeReturn = event.from
            next.pendingExtension = nil
        case .returnApproved:
            next.statusBeforeReturn = nil
            next.departmentID = nil
            next.assigneeID = nil
        case .returnRefused:
            break
        case .appealFiled:
            next.pendingAppeal = payload.appealKind
        case .appealDecided:
            next.pendingAppeal = nil
            if payload.approved == true { next.exemptedFromAssessment = payload.appealKind }
        case .extensionRequested:
            next.pendingExtension = payload.extra.map {
                ExtensionRequest(extra: $0, reason: event.note ?? "", requestedAt: event.at, requestedBy: event.actor.id)
            }
        case .extensionRefused:
            next.pendingExtension = nil
        case .extensionApproved:
            next.approvedExtensions += payload.extra.map { [$0] } ?? []
            next.pendingExtension = nil
        case .completed:
            next.completedAt = event.at
            next.completedBy = event.actor.id
            next.verificationPassed = nil
            next.publicReply = payload.publicReply
            next.pendingExtension = nil
        case .reviewed:
            if payload.approved == false { next.completedAt = nil }
        case .verified:
            next.verificationPassed = payload.approved
            if payload.approved == false { next.completedAt = nil }
        case .evaluated:
            next.evaluation = payload.evaluation
            next.evaluatedAt = event.at
            if event.to == .reopened { next.reopen(priority: payload.priority) }
        case .reopened:
            next.reopen(priority: payload.priority)
        case .closed, .closedWithParent:
            next.closedAt = event.at
        case .answeredDirectly:
            next.completedAt = event.at
            next.closedAt = event.at
            next.publicReply = payload.publicReply
            next.answeredDirectly = true
            next.knowledgeEntryID = payload.knowledgeEntryID
        case .merged:
            next.parentID = payload.parentID
        case .shelved:
            next.statusBeforeShelve = event.from
            next.shelveReason = event.note
        case .unshelved:
            next.statusBeforeShelve = nil
            next.shelveReason = nil
        case .cancelled:
            next.cancelReason = event.note
        case .paused:
            next.pausedSince = event.at
        case .informationAdded:
            if payload.resumed == true, let since = next.pausedSince { next.pauses.append(ClockPause(start: since, end: event.at)) }
            if payload.resumed == true { next.pausedSince = nil }
        case .resumed:
            if let since = next.pausedSince { next.pauses.append(ClockPause(start: since, end: event.at)) }
            next.pausedSince = nil
        case .reminded:
            next.reminderCount += 1
        case .supervised:
            next.supervisionLevel = payload.supervisionLevel ?? next.supervisionLevel + 1
            next.supervisionDeadline = payload.deadline
        case .escalated:
            next.handlingLevel = payload.handlingLevel ?? next.handlingLevel
            next.departmentID = nil
            next.assigneeID = nil
            next.startHandlingRound()
        }
        return next
    }

    /// Replays an order's whole history, which must start with `created` and run without gaps.
    public static func rebuild(from events: [WorkOrderEvent]) throws(WorkOrderReplayError) -> WorkOrderState {
        guard let first = events.first else { throw .noEvents }
        guard first.kind == .created, first.sequence == 1,
            let tier = first.payload.tier, let priority = first.payload.priority,
            let level = first.payload.handlingLevel
        else { throw .notStartedByCreation }
        var state = WorkOrderState(created: first, tier: tier, priority: priority, handlingLevel: level)
        for event in events.dropFirst() {
            guard event.orderID == state.id else { throw .foreignEvent(sequence: event.sequence) }
            guard event.sequence == state.version + 1 else {
                throw .outOfSequence(expected: state.version + 1, found: event.sequence)
            }
            state = state.applying(event)
        }
        return state
    }

    private mutating func startHandlingRound() {
        pendingExtension = nil
        approvedExtensions = []
    }

    private mutating func reopen(priority raised: Priority?) {
        priority = raised ?? priority
        reopenCount += 1
        assigneeID = nil
        completedAt = nil
        closedAt = nil
        startHandlingRound()
    }
}

/// Why an order's events could not be replayed.
public enum WorkOrderReplayError: Error, Sendable, Hashable {
    case noEvents
    case notStartedByCreation
    case foreignEvent(sequence: Int)
    case outOfSequence(expected: Int, found: Int)
}
