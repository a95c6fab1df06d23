/// Where a 微心愿 stands: posted for a resident, claimed by one helper, fulfilled with a photo, confirmed by the
/// resident; or withdrawn before anyone claimed it.
public enum WishStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case posted, claimed, fulfilled, confirmed, withdrawn

    /// The status's name for people.
    public func title(_ language: DisplayLanguage) -> String {
        let english = language == .en
        switch self {
        case .posted: return english ? "Waiting for a helper" : "待认领"
        case .claimed: return english ? "Claimed" : "已认领"
        case .fulfilled: return english ? "Fulfilled" : "已实现"
        case .confirmed: return english ? "Confirmed" : "已确认"
        case .withdrawn: return english ? "Withdrawn" : "已撤回"
        }
    }
}

/// Who claims a wish (认领方).
public enum WishClaimantKind: String, Sendable, Hashable, Codable, CaseIterable {
    case volunteer, partyMember, unit, merchant

    /// The kind's name for people.
    public func title(_ language: DisplayLanguage) -> String {
        let english = language == .en
        switch self {
        case .volunteer: return english ? "Volunteer" : "志愿者"
        case .partyMember: return english ? "Party member" : "党员"
        case .unit: return english ? "Unit" : "单位"
        case .merchant: return english ? "Caring merchant" : "爱心商家"
        }
    }
}
