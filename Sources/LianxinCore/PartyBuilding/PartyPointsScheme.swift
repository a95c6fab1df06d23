import Foundation

/// A county's (or township's) points scheme (积分办法), as data: the base points every member starts the year with
/// (基础积分), how many contribution points (贡献积分) one dimension may add in a year, and the totals the star
/// ratings (评星定级) begin at.
public struct PartyPointsScheme: Sendable, Hashable, Codable {
    public let basePoints: Int
    /// The most one dimension's positive entries add in a year; deductions are never capped.
    public let dimensionCap: Int
    /// The lowest totals of five, four, three and two stars, highest first; below the last a member has one star.
    public let starThresholds: [Int]

    /// Why a scheme is refused.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case basePoints
        case dimensionCap
        case thresholds

        public var field: String {
            switch self {
            case .basePoints: "/basePoints"
            case .dimensionCap: "/dimensionCap"
            case .thresholds: "/starThresholds"
            }
        }

        public var description: String {
            switch self {
            case .basePoints: "Base points are 0–100 / 基础积分须为 0–100"
            case .dimensionCap: "A dimension adds 1–100 points a year / 每个维度年度贡献积分上限须为 1–100"
            case .thresholds:
                "Four thresholds (five, four, three, two stars), each lower than the one before, between 0 and 300 / "
                    + "须填写五星、四星、三星、二星四个分数线，依次降低，在 0–300 之间"
            }
        }
    }

    public init(basePoints: Int, dimensionCap: Int, starThresholds: [Int]) throws(Refusal) {
        guard (0...100).contains(basePoints) else { throw .basePoints }
        guard (1...100).contains(dimensionCap) else { throw .dimensionCap }
        guard starThresholds.count == 4, starThresholds.allSatisfy({ (0...300).contains($0) }),
            zip(starThresholds, starThresholds.dropFirst()).allSatisfy({ $0 > $1 })
        else { throw .thresholds }
        self.basePoints = basePoints
        self.dimensionCap = dimensionCap
        self.starThresholds = starThresholds
    }

    /// 60 base points, at most 10 more from each dimension (so 110 at best), five stars from 95, four from 85,
    /// three from 75, two from 60.
    public static let standard = try! PartyPointsScheme(basePoints: 60, dimensionCap: 10, starThresholds: [95, 85, 75, 60])

    /// The star rating (1–5) of a year's `total`.
    public func stars(for total: Int) -> Int {
        for (index, threshold) in starThresholds.enumerated() where total >= threshold { return 5 - index }
        return 1
    }
}
