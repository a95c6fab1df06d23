import Foundation

/// Where one assisting unit (协办单位) of a joint order stands.
public enum AssistStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Named by the dispatcher, not yet signed (待签收).
    case awaitingSign
    /// Signed, its report not yet given (待反馈).
    case signed
    /// It asked the dispatcher to let it go (申请退出); the dispatcher decides.
    case releaseRequested
    /// It reported its part (已反馈).
    case reported
    /// The dispatcher let it go (已退出).
    case released
    /// The dispatcher decided the lead goes on without its report (不再等待).
    case waived

    /// Whether the part still holds up the lead's completion.
    public var isOpen: Bool { [.awaitingSign, .signed, .releaseRequested].contains(self) }

    /// The status for people, in Chinese or English.
    public func title(english: Bool) -> String {
        switch self {
        case .awaitingSign: english ? "Waiting to be signed" : "待签收"
        case .signed: english ? "Signed, report due" : "已签收，待反馈"
        case .releaseRequested: english ? "Asked to be released" : "申请退出协办"
        case .reported: english ? "Reported" : "已反馈"
        case .released: english ? "Released" : "已退出协办"
        case .waived: english ? "No longer waited for" : "不再等待反馈"
        }
    }
}

/// One assisting unit's part of a joint order (主办/协办): its own sign, report and clocks, kept in the order's
/// state and rebuilt from the order's events like the rest of it.
public struct AssistPart: Sendable, Hashable, Codable {
    public let departmentID: UUID
    public internal(set) var status: AssistStatus
    /// When the unit was named (its clocks start here).
    public let addedAt: Date
    public internal(set) var signedAt: Date?
    public internal(set) var signedBy: UUID?
    public internal(set) var reportedAt: Date?
    /// The report (协办反馈), the reason of a release request, or the dispatcher's reason.
    public internal(set) var note: String?
    /// The status a refused release request goes back to.
    public internal(set) var statusBeforeRelease: AssistStatus?
    /// When the part stopped holding up the lead (reported, released or waived).
    public internal(set) var endedAt: Date?
}

/// Which assisting-part actions apply from which part status: one table for the machine, the pages and the tests.
enum AssistPartGuard {
    static func statuses(for kind: WorkOrderActionKind) -> Set<AssistStatus> {
        switch kind {
        case .signAssist: [.awaitingSign]
        case .reportAssist: [.signed]
        case .requestAssistRelease: [.awaitingSign, .signed]
        case .decideAssistRelease: [.releaseRequested]
        case .waiveAssist: [.awaitingSign, .signed, .releaseRequested]
        default: []
        }
    }

    /// The actions a unit takes on its own part (the others are the dispatcher's).
    static let ownKinds: Set<WorkOrderActionKind> = [.signAssist, .reportAssist, .requestAssistRelease]
    /// Every assisting-part action.
    static let kinds: Set<WorkOrderActionKind> = ownKinds.union([.addAssists, .decideAssistRelease, .waiveAssist])
}

extension WorkOrderState {
    /// The assisting units' parts, in the order they were named.
    public var assists: [AssistPart] { assistParts ?? [] }

    /// The part of `departmentID`, if it assists on this order.
    public func assist(of departmentID: UUID?) -> AssistPart? {
        guard let departmentID else { return nil }
        return assists.last { $0.departmentID == departmentID }
    }

    /// Whether some assisting unit has not reported yet (nor been released or waived): the lead cannot complete.
    public var hasOpenAssists: Bool { assists.contains { $0.status.isOpen } }

    mutating func updateAssist(_ departmentID: UUID?, _ change: (inout AssistPart) -> Void) {
        guard let departmentID, var parts = assistParts, let index = parts.lastIndex(where: { $0.departmentID == departmentID }) else {
            return
        }
        change(&parts[index])
        assistParts = parts
    }

    /// A unit made the lead no longer assists: its open part ends as released.
    private mutating func releaseLeadsPart(_ event: WorkOrderEvent) {
        guard assist(of: event.payload.departmentID)?.status.isOpen == true else { return }
        updateAssist(event.payload.departmentID) {
            $0.status = .released
            $0.endedAt = event.at
            $0.statusBeforeRelease = nil
        }
    }

    /// The assisting-part changes of `event`.
    mutating func applyAssist(_ event: WorkOrderEvent) {
        let payload = event.payload
        switch event.kind {
        case .dispatched, .assistsAdded:
            var parts = assistParts ?? []
            for id in payload.assistDepartmentIDs ?? [] where !parts.contains(where: { $0.departmentID == id && $0.status.isOpen }) {
                parts.removeAll { $0.departmentID == id }
                parts.append(AssistPart(departmentID: id, status: .awaitingSign, addedAt: event.at))
            }
            if !parts.isEmpty { assistParts = parts }
            releaseLeadsPart(event)
        case .redispatched:
            releaseLeadsPart(event)
        case .assistSigned:
            updateAssist(payload.departmentID) {
                $0.status = .signed
                $0.signedAt = event.at
                $0.signedBy = payload.assigneeID
            }
        case .assistReported:
            updateAssist(payload.departmentID) {
                $0.status = .reported
                $0.reportedAt = event.at
                $0.endedAt = event.at
                $0.note = event.note
            }
        case .assistReleaseRequested:
            updateAssist(payload.departmentID) {
                $0.statusBeforeRelease = $0.status
                $0.status = .releaseRequested
                $0.note = event.note
            }
        case .assistReleaseDecided:
            updateAssist(payload.departmentID) {
                if payload.approved == true {
                    $0.status = .released
                    $0.endedAt = event.at
                } else {
                    $0.status = $0.statusBeforeRelease ?? .awaitingSign
                }
                $0.statusBeforeRelease = nil
                $0.note = event.note ?? $0.note
            }
        case .assistWaived:
            updateAssist(payload.departmentID) {
                $0.status = .waived
                $0.endedAt = event.at
                $0.statusBeforeRelease = nil
                $0.note = event.note
            }
        default:
            break
        }
    }
}
