import Foundation

/// The ranking of a branch's members by their year's total (积分排名): highest first, equal totals share a rank and
/// the next rank skips (1, 2, 2, 4), and equal totals are listed by name so the order never changes between reads.
public enum PartyRanking {
    public struct Place: Sendable, Hashable {
        public let id: UUID
        public let name: String
        public let total: Int
        public let rank: Int
    }

    public static func rank(_ members: [(id: UUID, name: String, total: Int)]) -> [Place] {
        let sorted = members.sorted { ($0.total, $1.name, $1.id.uuidString) > ($1.total, $0.name, $0.id.uuidString) }
        var places: [Place] = []
        for (index, member) in sorted.enumerated() {
            let rank = places.last.map { $0.total == member.total ? $0.rank : index + 1 } ?? 1
            places.append(Place(id: member.id, name: member.name, total: member.total, rank: rank))
        }
        return places
    }
}

/// How many households a party member looks after (党员联户): the township asks for 10 to 20 neighbours each.
public enum HouseholdLinkLoad: String, Sendable, CaseIterable {
    case tooFew
    case within
    case tooMany

    public static let expected = 10...20

    public init(count: Int) {
        self = count < Self.expected.lowerBound ? .tooFew : (count > Self.expected.upperBound ? .tooMany : .within)
    }
}
