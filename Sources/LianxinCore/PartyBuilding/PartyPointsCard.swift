import Foundation

/// A member's year on the points ledger (积分台账): the base points, each dimension's contribution after the caps,
/// the total and the star rating. Only approved entries count.
public struct PartyPointsCard: Sendable, Hashable {
    /// One approved entry as the card counts it.
    public struct Line: Sendable, Hashable {
        public let rule: UUID
        public let dimension: PartyPointsDimension
        public let points: Int
        /// The most this rule adds in a year (0: no limit of its own).
        public let ruleCap: Int

        public init(rule: UUID, dimension: PartyPointsDimension, points: Int, ruleCap: Int) {
            self.rule = rule
            self.dimension = dimension
            self.points = points
            self.ruleCap = ruleCap
        }
    }

    public let basePoints: Int
    /// Each dimension's points after the caps (deductions included), in the scheme's order.
    public let dimensions: [(PartyPointsDimension, Int)]
    public let total: Int
    public let stars: Int

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.basePoints == rhs.basePoints && lhs.total == rhs.total && lhs.stars == rhs.stars
            && lhs.dimensions.map(\.0) == rhs.dimensions.map(\.0) && lhs.dimensions.map(\.1) == rhs.dimensions.map(\.1)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(total)
        hasher.combine(stars)
    }

    /// The card of `lines` under `scheme`: a rule's positive points stop at its own yearly cap, a dimension's at the
    /// scheme's cap; deductions always count in full; the total never falls below zero.
    public init(scheme: PartyPointsScheme, lines: [Line]) {
        var earnedByRule: [UUID: Int] = [:]
        var earned: [PartyPointsDimension: Int] = [:]
        var deducted: [PartyPointsDimension: Int] = [:]
        for line in lines {
            if line.points < 0 {
                deducted[line.dimension, default: 0] += line.points
                continue
            }
            let already = earnedByRule[line.rule, default: 0]
            let allowed = line.ruleCap > 0 ? max(0, min(line.points, line.ruleCap - already)) : line.points
            earnedByRule[line.rule] = already + allowed
            earned[line.dimension, default: 0] += allowed
        }
        dimensions = PartyPointsDimension.allCases.map { dimension in
            (dimension, min(earned[dimension, default: 0], scheme.dimensionCap) + deducted[dimension, default: 0])
        }
        basePoints = scheme.basePoints
        total = max(0, scheme.basePoints + dimensions.reduce(0) { $0 + $1.1 })
        stars = scheme.stars(for: total)
    }
}
