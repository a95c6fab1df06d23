import Foundation

/// The five dimensions a party member is scored on under the points system (党员积分制, 峡江县马埠镇):
/// 政治素质, 组织纪律, 遵纪守法, 志愿服务, 履职尽责.
public enum PartyPointsDimension: String, Sendable, Hashable, Codable, CaseIterable {
    case politicalQuality
    case organisationDiscipline
    case lawAbiding
    case volunteerService
    case dutyPerformance
}

/// Where an entry of the ledger stands: recorded with its evidence, then approved or refused by the branch secretary.
public enum PartyPointsEntryStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case approved
    case rejected
}

/// The branch secretary's decision on a pending entry (审核).
public enum PartyPointsDecision: String, Sendable, Hashable, Codable, CaseIterable {
    case approve
    case reject

    /// Why a decision is refused.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case notPending(PartyPointsEntryStatus)
        case reasonRequired

        public var field: String { self == .reasonRequired ? "/note" : "/decision" }

        public var description: String {
            switch self {
            case .notPending(let status):
                "The entry was already decided (\(status.rawValue)) / 该积分申报已审核，不能再次审核"
            case .reasonRequired:
                "Give the reason for refusing (2–200 characters) / 驳回须填写理由（2–200 字）"
            }
        }
    }

    /// The status an entry in `status` takes on this decision with `note`; refuses a second decision and a
    /// refusal without a reason of at least two characters.
    public func apply(to status: PartyPointsEntryStatus, note: String) throws(Refusal) -> PartyPointsEntryStatus {
        guard status == .pending else { throw .notPending(status) }
        switch self {
        case .approve: return .approved
        case .reject:
            guard note.trimmingCharacters(in: .whitespacesAndNewlines).count >= 2 else { throw .reasonRequired }
            return .rejected
        }
    }
}
