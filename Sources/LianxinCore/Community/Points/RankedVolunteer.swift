import Foundation

/// A volunteer's place in a ranking such as 最美志愿者.
public struct RankedVolunteer: Sendable, Hashable, Codable {
    /// 1 for the highest score; tied volunteers share a rank and the ranks after them are skipped (1, 1, 3).
    public let rank: Int
    public let volunteerID: UUID
    /// Points, or credited service minutes, depending on the ranking.
    public let score: Int
}
