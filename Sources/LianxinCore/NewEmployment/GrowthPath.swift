/// The growth path of new-employment workers (新就业群体, 全南): 最美小哥 → 兼职网格员 → 专职网格员 → 社区工作者, one
/// stage at a time, each with its criteria as data: 随手拍 reports filed and months worked in the trade.
public enum GrowthStage: String, Sendable, Hashable, Codable, CaseIterable {
    case mostBeautiful
    case partTimeGridMember
    case fullTimeGridMember
    case communityWorker

    /// The stage after this one, if any.
    public var next: GrowthStage? {
        let all = Self.allCases
        guard let index = all.firstIndex(of: self), index + 1 < all.count else { return nil }
        return all[index + 1]
    }
}

/// What a stage asks of a worker before they reach it.
public struct GrowthCriteria: Sendable, Hashable {
    public let minReports: Int
    public let minMonthsInTrade: Int

    public init(minReports: Int, minMonthsInTrade: Int) {
        self.minReports = minReports
        self.minMonthsInTrade = minMonthsInTrade
    }

    /// 10 reports and 6 months for a part-time grid member, 50 and 12 for a full-time one, 100 and 24 for a community
    /// worker.
    public static let standard: [GrowthStage: GrowthCriteria] = [
        .partTimeGridMember: GrowthCriteria(minReports: 10, minMonthsInTrade: 6),
        .fullTimeGridMember: GrowthCriteria(minReports: 50, minMonthsInTrade: 12),
        .communityWorker: GrowthCriteria(minReports: 100, minMonthsInTrade: 24),
    ]
}

public enum GrowthPath {
    /// Why a move along the path is refused.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case notTheNextStage(GrowthStage?)
        case tooFewReports(have: Int, need: Int)
        case tooFewMonths(have: Int, need: Int)

        public var description: String {
            switch self {
            case .notTheNextStage:
                "Only the next stage of the path can be reached / 只能晋升到成长通道的下一阶段"
            case .tooFewReports(let have, let need):
                "\(have) reports filed, \(need) needed / 已上报随手拍 \(have) 件，须达到 \(need) 件"
            case .tooFewMonths(let have, let need):
                "\(have) months in the trade, \(need) needed / 从业 \(have) 个月，须满 \(need) 个月"
            }
        }
    }

    /// Checks a move from `current` to `target` for a worker with `reports` and `months` in the trade.
    public static func check(
        from current: GrowthStage, to target: GrowthStage, reports: Int, months: Int,
        criteria: [GrowthStage: GrowthCriteria] = GrowthCriteria.standard
    ) throws(Refusal) {
        guard current.next == target else { throw .notTheNextStage(current.next) }
        guard let rule = criteria[target] else { return }
        guard reports >= rule.minReports else { throw .tooFewReports(have: reports, need: rule.minReports) }
        guard months >= rule.minMonthsInTrade else { throw .tooFewMonths(have: months, need: rule.minMonthsInTrade) }
    }

    /// Whole months from `start` to `end` (days as `YYYY-MM-DD` components): a month counts once its day is reached.
    public static func months(from start: (year: Int, month: Int, day: Int), to end: (year: Int, month: Int, day: Int)) -> Int {
        let whole = (end.year - start.year) * 12 + (end.month - start.month) - (end.day < start.day ? 1 : 0)
        return max(0, whole)
    }
}
