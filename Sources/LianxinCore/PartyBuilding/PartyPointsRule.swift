/// The limits of a points rule (积分细则) a county writes as data: a rule gives or takes 1–50 points per entry
/// (never zero) and may stop adding after a yearly cap (0–200; 0 means only the dimension's cap applies).
public enum PartyPointsRule {
    public static let points = 1...50
    public static let cap = 0...200

    /// Why a rule is refused.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case points
        case cap

        public var field: String { self == .points ? "/points" : "/yearlyCap" }

        public var description: String {
            switch self {
            case .points: "Points per entry: 1–50, or −1 to −50 for a deduction / 每次分值须为 1–50，扣分为 −1 至 −50"
            case .cap: "Yearly cap: 0–200 (0: none of its own) / 年度上限须为 0–200（0 表示不单独设上限）"
            }
        }
    }

    public static func check(points value: Int, yearlyCap: Int) throws(Refusal) {
        guard points.contains(abs(value)) else { throw .points }
        guard cap.contains(yearlyCap) else { throw .cap }
    }
}
