import Foundation

/// A mark on a requester (来电人标记): what the hotline centre has found about a caller, so the desk warns the
/// operator the next time the number calls. Proposed by whoever handled the caller, approved by the centre, and
/// never permanent: it lapses on its date and is shown only while in force.
public enum RequesterMarkKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 恶意诉求: abuse, threats, deliberately false reports.
    case malicious
    /// 无理诉求: demands beyond law and policy, repeated after a clear answer.
    case unreasonable
    /// 频繁来电: the same matter called in again and again after it was answered.
    case frequent
    /// 特殊关爱: an elderly, disabled or otherwise vulnerable caller, to be answered with extra care (关爱对象).
    case needsCare
}

/// Where a mark stands: waiting for the centre, in force, refused, or withdrawn by the centre before its date.
public enum RequesterMarkStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case proposed, approved, refused, revoked
}

/// What can be done to a mark.
public enum RequesterMarkAction: String, Sendable, Hashable, Codable, CaseIterable {
    case approve, refuse, revoke
}

/// The rules of requester marks: the guard table, the validity and the text the desk shows.
public enum RequesterMarkRules {
    /// The longest a mark stays in force, and the default.
    public static let longestDays = 365
    public static let defaultDays = 180
    /// The shortest reason accepted: a mark must say what happened.
    public static let shortestReason = 10

    /// The status `action` leads to from `status`, or nil when it is not allowed there.
    public static func apply(_ action: RequesterMarkAction, to status: RequesterMarkStatus) -> RequesterMarkStatus? {
        switch (action, status) {
        case (.approve, .proposed): .approved
        case (.refuse, .proposed): .refused
        case (.revoke, .approved): .revoked
        default: nil
        }
    }

    /// Whether the mark is in force at `now`: approved and not yet lapsed.
    public static func inForce(status: RequesterMarkStatus, expiresAt: Date, at now: Date) -> Bool {
        status == .approved && now < expiresAt
    }

    /// Why a proposal is refused (every reason at once; empty when it may be filed): a reason of at least
    /// `shortestReason` characters and a validity of 1 to `longestDays` days.
    public static func problems(reason: String, days: Int) -> Set<ProposalProblem> {
        var found: Set<ProposalProblem> = []
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).count < shortestReason { found.insert(.reasonTooShort) }
        if !(1...longestDays).contains(days) { found.insert(.validityOutOfRange) }
        return found
    }

    public enum ProposalProblem: Sendable, Hashable {
        case reasonTooShort, validityOutOfRange
    }
}
