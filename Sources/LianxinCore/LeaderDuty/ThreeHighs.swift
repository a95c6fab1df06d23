/// 三高包保 (萍乡): "市级领导包联高风险事项，县级领导包抓高频诉求，乡级领导包办高发问题". Each tier of matter is owned by
/// leaders of one level, and by that level only: the seed gives the three levels three different jobs, so a township
/// leader cannot own a high-risk matter and a city leader does not take a township's high-incidence problem off its
/// hands. A matter is a work-order category in a division; its orders are those of the category (and its
/// sub-categories) filed in the division.
public enum ThreeHighs {
    /// The tier of a matter.
    public enum Tier: String, Sendable, CaseIterable, Codable {
        /// 高风险事项: owned by a city leader (包联).
        case highRisk
        /// 高频诉求: owned by a county leader (包抓).
        case highFrequency
        /// 高发问题: owned by a township leader (包办).
        case highIncidence

        /// The level of leader who owns matters of this tier.
        public var leaderLevel: DivisionLevel {
            switch self {
            case .highRisk: .city
            case .highFrequency: .county
            case .highIncidence: .township
            }
        }
    }

    /// Why an assignment is refused.
    public enum Refusal: String, Sendable, Equatable, Error {
        /// The leader's level does not own this tier (a township leader and a high-risk matter).
        case wrongLevel
        /// The matter lies outside the leader's own division.
        case outsideLeaderDivision
    }

    /// The guard: whether a leader whose account belongs to `leader` may own a matter of `tier` in `matter`.
    public static func check(tier: Tier, leader: DivisionCode, matter: DivisionCode) -> Refusal? {
        guard leader.level == tier.leaderLevel else { return .wrongLevel }
        guard leader.contains(matter) else { return .outsideLeaderDivision }
        return nil
    }

    /// Which way a matter's orders are going.
    public enum Trend: String, Sendable, CaseIterable, Codable {
        case rising, steady, falling, new
    }

    /// The trend of monthly order counts, oldest first, the last being the current month with `elapsed` of its
    /// `length` days gone: the current month projected to its full length against the mean of the three months
    /// before it; more than 10 % above is rising, more than 10 % below falling. With no order in those three months,
    /// any order this month is new.
    public static func trend(monthly counts: [Int], elapsed: Int, length: Int) -> Trend {
        guard let current = counts.last, length > 0, elapsed > 0 else { return .steady }
        let before = counts.dropLast().suffix(3)
        let base = before.reduce(0, +)
        if base == 0 { return current > 0 ? .new : .steady }
        // Compare current × length / elapsed with base / count, in integers: current × length × count vs base × elapsed.
        let projected = current * length * before.count
        let mean = base * elapsed
        if projected * 10 > mean * 11 { return .rising }
        if projected * 10 < mean * 9 { return .falling }
        return .steady
    }

    /// Where a leader's task on a matter stands.
    public enum TaskStatus: String, Sendable, CaseIterable, Codable {
        case open, done
    }
}
