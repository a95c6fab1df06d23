/// The lifecycle of a sharing agreement (共享协议): proposed → agreed → active → ended, or refused
/// or withdrawn before it starts. It is agreed once every party it needs has approved.
public enum AgreementStatus: String, Sendable, CaseIterable, Codable, Hashable {
    case proposed
    case agreed
    case active
    case ended
    case refused
    case withdrawn

    /// No action leaves these states.
    public var isFinal: Bool { self == .ended || self == .refused || self == .withdrawn }
}

/// Who takes part in an agreement.
public enum AgreementParty: String, Sendable, CaseIterable, Codable, Hashable {
    /// 需求方: the enterprise receiving the person or the service.
    case demandOrg
    /// 共享方/派出单位: the person's home employer, or the college or institute giving the service.
    case homeOrg
    /// The person shared.
    case person
    /// 人才共享中心: the centre's staff, who propose and run agreements.
    case centre
}

/// What someone does to an agreement.
public enum AgreementAction: Sendable, Hashable {
    case approve(AgreementParty)
    case refuse(AgreementParty)
    case withdraw
    case start
    case end
    case evaluate(AgreementParty)
}

/// An agreement's state as the machine sees it.
public struct AgreementState: Sendable, Hashable {
    public var status: AgreementStatus
    /// The parties whose approval is needed (the demand side and the person always; the home side when
    /// the mode needs its employer and the person has one).
    public var required: Set<AgreementParty>
    public var approvals: Set<AgreementParty>
    public var evaluations: Set<AgreementParty>

    public init(
        status: AgreementStatus = .proposed, required: Set<AgreementParty>, approvals: Set<AgreementParty> = [],
        evaluations: Set<AgreementParty> = []
    ) {
        self.status = status
        self.required = required
        self.approvals = approvals
        self.evaluations = evaluations
    }

    /// The parties an agreement in `mode` needs, given whether the person has a home organisation.
    public static func requiredParties(mode: SharingMode, hasHomeOrg: Bool) -> Set<AgreementParty> {
        var parties: Set<AgreementParty> = [.demandOrg, .person]
        if hasHomeOrg && (mode.rules.needsHomeEmployer || mode == .technicalService) { parties.insert(.homeOrg) }
        return parties
    }
}

/// Why an action is not allowed now.
public enum AgreementRefusal: Error, Sendable, Hashable {
    /// The action is not allowed in this status.
    case notAllowed(AgreementStatus)
    /// This party has no say in this agreement.
    case notAParty(AgreementParty)
    case alreadyApproved(AgreementParty)
    case alreadyEvaluated(AgreementParty)
    /// The two sides evaluate each other (双向评价); the centre does not.
    case centreDoesNotEvaluate

    /// A stable key for the message.
    public var key: String {
        switch self {
        case .notAllowed: "notAllowed"
        case .notAParty: "notAParty"
        case .alreadyApproved: "alreadyApproved"
        case .alreadyEvaluated: "alreadyEvaluated"
        case .centreDoesNotEvaluate: "centreDoesNotEvaluate"
        }
    }
}

/// The guard table: which status each action may start from, and where it leads.
public enum AgreementMachine {
    /// The statuses each kind of action may be taken in.
    public static let allowed: [String: Set<AgreementStatus>] = [
        "approve": [.proposed],
        "refuse": [.proposed],
        "withdraw": [.proposed, .agreed],
        "start": [.agreed],
        "end": [.active],
        "evaluate": [.ended],
    ]

    static func name(_ action: AgreementAction) -> String {
        switch action {
        case .approve: "approve"
        case .refuse: "refuse"
        case .withdraw: "withdraw"
        case .start: "start"
        case .end: "end"
        case .evaluate: "evaluate"
        }
    }

    /// The state after `action`, or why it is refused.
    public static func apply(_ action: AgreementAction, to state: AgreementState) -> Result<AgreementState, AgreementRefusal> {
        guard allowed[name(action), default: []].contains(state.status) else { return .failure(.notAllowed(state.status)) }
        var next = state
        switch action {
        case .approve(let party):
            guard state.required.contains(party) else { return .failure(.notAParty(party)) }
            guard !state.approvals.contains(party) else { return .failure(.alreadyApproved(party)) }
            next.approvals.insert(party)
            if next.required.isSubset(of: next.approvals) { next.status = .agreed }
        case .refuse(let party):
            guard state.required.contains(party) else { return .failure(.notAParty(party)) }
            next.status = .refused
        case .withdraw: next.status = .withdrawn
        case .start: next.status = .active
        case .end: next.status = .ended
        case .evaluate(let party):
            guard party != .centre else { return .failure(.centreDoesNotEvaluate) }
            guard !state.evaluations.contains(party) else { return .failure(.alreadyEvaluated(party)) }
            next.evaluations.insert(party)
        }
        return .success(next)
    }

    /// Whether both sides have evaluated: the demand side, and the home side (or the person when there is none).
    public static func evaluatedByBothSides(_ state: AgreementState) -> Bool {
        state.evaluations.contains(.demandOrg)
            && (state.evaluations.contains(.homeOrg) || (!state.required.contains(.homeOrg) && state.evaluations.contains(.person)))
    }

    /// Whether contact data may be shown to the demand side: once every party has agreed.
    public static func revealsContact(_ status: AgreementStatus) -> Bool {
        status == .agreed || status == .active || status == .ended
    }
}
