/// How hard a matter is (难易分级); it decides the handling level and the time limits.
public enum Tier: String, Sendable, Hashable, Codable, CaseIterable {
    /// 简易: solved in the grid or community.
    case simple
    /// 一般: handled by the township.
    case general
    /// 复杂: led by the township head (乡镇一把手领衔).
    case complex
    /// 重大: beyond the township, for county departments.
    case major

    /// The level that handles a new order of this tier, before any escalation.
    public var defaultHandlingLevel: DivisionLevel {
        switch self {
        case .simple: .community
        case .general, .complex: .township
        case .major: .county
        }
    }

    /// The tier's name for people, in Chinese or English.
    public func title(english: Bool) -> String {
        switch self {
        case .simple: english ? "Simple" : "简易"
        case .general: english ? "General" : "一般"
        case .complex: english ? "Complex" : "复杂"
        case .major: english ? "Major" : "重大"
        }
    }
}
