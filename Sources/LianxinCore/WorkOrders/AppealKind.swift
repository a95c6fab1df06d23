/// Why a unit (or a dispatcher) asks for an order to be left out of its assessment (考核申诉/核减): the flags hotline
/// centres approve — an unreasonable, repeated or malicious request, a matter outside the unit's duties, or one that
/// objective conditions (law, policy, planning) make impossible to solve now.
public enum AppealKind: String, Sendable, Hashable, Codable, CaseIterable {
    case unreasonable
    case repeated
    case malicious
    case outsideDuty
    case objective

    /// The kind's name for people, in Chinese or English.
    public func title(english: Bool) -> String {
        switch self {
        case .unreasonable: english ? "Unreasonable request" : "无理诉求"
        case .repeated: english ? "Repeated request" : "重复诉求"
        case .malicious: english ? "Malicious request" : "恶意诉求"
        case .outsideDuty: english ? "Outside the unit's duties" : "非职能范围"
        case .objective: english ? "Cannot be solved for objective reasons" : "客观原因暂无法解决"
        }
    }
}
