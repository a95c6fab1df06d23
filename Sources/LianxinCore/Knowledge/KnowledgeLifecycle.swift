import Foundation

/// Where a knowledge entry (知识条目) stands: written by a unit, approved by the hotline centre, quoted at the desk
/// while published and valid, reviewed before it expires.
public enum KnowledgeStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Being written or revised by its unit (草稿).
    case draft
    /// Waiting for the hotline centre's approval (待审核).
    case pending
    /// Approved: operators find and quote it while it is valid (已发布).
    case published
    /// Its validity ended; it waits for a revision (已过期).
    case expired
    /// Taken out of use (已撤回).
    case withdrawn
}

/// What someone asks to do to a knowledge entry.
public enum KnowledgeAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// A new version of the text; a published, expired or withdrawn entry goes back to draft and must be approved again.
    case edit
    /// 提交审核.
    case submit
    /// 审核通过: published.
    case approve
    /// 退回修改, with the reason.
    case reject
    /// 撤回 out of use, with the reason.
    case withdraw
    /// The validity ended (the system, at the end of `validTo`).
    case expire
}

/// Who acts on an entry, as the rules see them.
public struct KnowledgeActor: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A member of the unit responsible for the entry (or the hotline centre writing on a unit's behalf).
        case writer
        /// The hotline centre (话务中心) approving entries.
        case approver
        case system
    }

    public let id: UUID?
    public let kind: Kind

    public init(id: UUID?, kind: Kind) {
        self.id = id
        self.kind = kind
    }
}

/// Why the lifecycle refused an action.
public enum KnowledgeError: Error, Sendable, Hashable {
    /// This kind of actor may not take the action.
    case notPermitted(KnowledgeAction)
    /// The action does not apply in the entry's status.
    case notAllowedInStatus(KnowledgeAction, KnowledgeStatus)
    /// The one who wrote the version cannot approve it (four eyes).
    case ownVersion
    /// The action needs a reason.
    case reasonRequired(KnowledgeAction)
    /// The entry is still valid, so it cannot expire yet.
    case stillValid
}

/// The knowledge-entry lifecycle as pure functions: draft → pending → published → expired or withdrawn.
public enum KnowledgeLifecycle {
    /// The statuses each action applies in.
    public static func statuses(for action: KnowledgeAction) -> Set<KnowledgeStatus> {
        switch action {
        case .edit: [.draft, .pending, .published, .expired, .withdrawn]
        case .submit: [.draft]
        case .approve, .reject: [.pending]
        case .withdraw: [.pending, .published, .expired]
        case .expire: [.published]
        }
    }

    /// Who may take each action.
    public static func permits(_ action: KnowledgeAction, _ kind: KnowledgeActor.Kind) -> Bool {
        switch action {
        case .edit, .submit: kind == .writer || kind == .approver
        case .approve, .reject: kind == .approver
        case .withdraw: kind == .writer || kind == .approver
        case .expire: kind == .system
        }
    }

    /// The status after `action`, or why not. `author` wrote the entry's current version; `validTo` is its last valid
    /// day and `today` the day in Beijing, both as `yyyy-MM-dd`.
    public static func next(
        after action: KnowledgeAction, from status: KnowledgeStatus, by actor: KnowledgeActor, author: UUID?,
        reason: String? = nil, validTo: String? = nil, today: String? = nil
    ) throws(KnowledgeError) -> KnowledgeStatus {
        guard permits(action, actor.kind) else { throw .notPermitted(action) }
        guard statuses(for: action).contains(status) else { throw .notAllowedInStatus(action, status) }
        let hasReason = !(reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        switch action {
        case .edit:
            // A pending version edited again stays pending; anything else is a new draft to approve.
            return status == .pending ? .pending : .draft
        case .submit:
            return .pending
        case .approve:
            if let author, actor.id == author { throw .ownVersion }
            return .published
        case .reject:
            guard hasReason else { throw .reasonRequired(action) }
            return .draft
        case .withdraw:
            guard hasReason else { throw .reasonRequired(action) }
            return .withdrawn
        case .expire:
            guard let validTo, let today, validTo < today else { throw .stillValid }
            return .expired
        }
    }

    /// The actions `actor` may take now, for the buttons a page shows.
    public static func offered(in status: KnowledgeStatus, to actor: KnowledgeActor, author: UUID?) -> [KnowledgeAction] {
        KnowledgeAction.allCases.filter { action in
            guard action != .expire, permits(action, actor.kind), statuses(for: action).contains(status) else { return false }
            if action == .approve, let author, actor.id == author { return false }
            return true
        }
    }
}
