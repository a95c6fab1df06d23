/// A level of the administrative tree (行政区划层级).
public enum DivisionLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case province, city, county, township, community

    /// Significant digits of a code at this level (GB/T 2260 + 统计用区划代码).
    public var codeLength: Int {
        switch self {
        case .province: 2
        case .city: 4
        case .county: 6
        case .township: 9
        case .community: 12
        }
    }

    /// The level directly above, if any.
    public var parent: DivisionLevel? {
        switch self {
        case .province: nil
        case .city: .province
        case .county: .city
        case .township: .county
        case .community: .township
        }
    }

    /// Reads the level names used by the public division files (`town`, `village` included).
    public init?(name: String) {
        switch name.trimmingCharacters(in: .whitespaces).lowercased() {
        case "province": self = .province
        case "city": self = .city
        case "county", "district": self = .county
        case "township", "town", "street": self = .township
        case "community", "village": self = .community
        default: return nil
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

import Foundation
