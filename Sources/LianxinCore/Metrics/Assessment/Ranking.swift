/// A unit to rank (a department, township, community or grid leader) with its composite score and order count.
public struct RankingCandidate<Unit: Hashable & Sendable>: Sendable, Hashable {
    public let unit: Unit
    /// The composite score; nil when the unit had nothing to score.
    public let score: Double?
    /// Orders in the period: received, less cancelled and merged.
    public let orders: Int

    public init(unit: Unit, score: Double?, orders: Int) {
        self.unit = unit
        self.score = score
        self.orders = orders
    }
}

/// Where a unit stands in a ranking.
public enum RankingStanding: String, Sendable, Hashable, Codable {
    case ranked
    /// Fewer orders than the scheme's minimum: listed with its score, without a rank (样本不足).
    case tooFewOrders
    /// Nothing to score.
    case noScore
}

/// One line of a ranking table.
public struct RankingEntry<Unit: Hashable & Sendable>: Sendable, Hashable {
    public let unit: Unit
    /// The score rounded to the scheme's decimals, the figure the rank rests on.
    public let score: Double?
    public let orders: Int
    /// 1 for the best; nil unless ranked.
    public let rank: Int?
    public let standing: RankingStanding
}

extension RankingEntry: Codable where Unit: Codable {}

/// Standard competition ranking (1, 1, 3): units are ranked by score rounded to the scheme's decimals, highest
/// first; tied units share a rank and the next rank skips as many places as were shared.
///
/// Units with fewer orders than the scheme's `minimumOrders`, and units without a score, are not ranked and do not
/// take places from the others: they follow the ranked units, too-few-orders first, each group in the given order.
/// Tied units also keep the given order, so callers pass units sorted by name or code for stable tables.
extension AssessmentScheme {
    /// The ranking of `candidates` under this scheme.
    public func rank<Unit>(_ candidates: [RankingCandidate<Unit>]) -> [RankingEntry<Unit>] {
        let scale = (0..<decimals).reduce(1.0) { product, _ in product * 10 }
        func shown(_ score: Double?) -> Double? {
            score.map { ($0 * scale).rounded(.toNearestOrAwayFromZero) / scale }
        }
        let ranked = candidates.enumerated()
            .compactMap { offset, candidate -> (offset: Int, candidate: RankingCandidate<Unit>, score: Double)? in
                guard let score = shown(candidate.score), candidate.orders >= minimumOrders else { return nil }
                return (offset, candidate, score)
            }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.offset < $1.offset }
        var entries: [RankingEntry<Unit>] = []
        for (index, line) in ranked.enumerated() {
            let rank = index > 0 && ranked[index - 1].score == line.score ? entries[index - 1].rank : index + 1
            entries.append(
                RankingEntry(
                    unit: line.candidate.unit, score: line.score, orders: line.candidate.orders, rank: rank, standing: .ranked))
        }
        for candidate in candidates where candidate.score != nil && candidate.orders < minimumOrders {
            entries.append(
                RankingEntry(
                    unit: candidate.unit, score: shown(candidate.score), orders: candidate.orders, rank: nil,
                    standing: .tooFewOrders))
        }
        for candidate in candidates where candidate.score == nil {
            entries.append(
                RankingEntry(
                    unit: candidate.unit, score: nil, orders: candidate.orders, rank: nil, standing: .noScore))
        }
        return entries
    }
}
