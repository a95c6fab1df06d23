/// A timed step of a work order's life, each with its own clock.
public enum SLAStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// From the request's arrival to the recorded order (形成工单).
    case create
    /// From acceptance to dispatch to a unit (派发).
    case dispatch
    /// From dispatch to the unit's acknowledgement (签收).
    case sign
    /// From dispatch to the unit's first real action: on site, work started or a progress note (响应).
    case respond
    /// From signing to someone being on site (到场).
    case arrive
    /// From dispatch to the unit reporting the result (办结).
    case complete
    /// From completion to the answer given to the requester (反馈/回访).
    case feedback
    /// From completion to the on-site check (核查) of categories that require one.
    case verify

    /// The stage's name for people, in Chinese or English.
    public func title(english: Bool) -> String {
        switch self {
        case .create: english ? "Create" : "形成工单"
        case .dispatch: english ? "Dispatch" : "派发"
        case .sign: english ? "Sign" : "签收"
        case .respond: english ? "Respond" : "响应"
        case .arrive: english ? "Arrive on site" : "到场"
        case .complete: english ? "Complete" : "办结"
        case .feedback: english ? "Feedback" : "反馈"
        case .verify: english ? "Verify on site" : "核查"
        }
    }
}
