import Foundation

/// A calendar quarter, counted in Beijing time and written `2025-Q1`.
public struct Quarter: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1 (January–March) … 4 (October–December).
    public let number: Int

    /// The quarter `number` (1…4) of `year`, or nil for another number.
    public init?(year: Int, number: Int) {
        guard (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    /// The quarter in which `day` falls.
    public init(containing day: LocalDate) {
        let (year, month, _) = day.components
        self.year = year
        self.number = (month - 1) / 3 + 1
    }

    /// The quarter in which `instant` falls in Beijing time.
    public init(containing instant: Date) {
        self.init(containing: ShanghaiTime.day(of: instant))
    }

    /// Reads `2025-Q1` or `2025Q1`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.uppercased().split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 1, let number = Int(parts[1]) else { return nil }
        let yearText = parts[0].hasSuffix("-") ? parts[0].dropLast() : parts[0]
        guard yearText.count == 4, yearText.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(yearText) else {
            return nil
        }
        self.init(year: year, number: number)
    }

    /// The quarter's first through last day.
    public var days: ClosedRange<LocalDate> {
        let next = number == 4 ? (year + 1, 1) : (year, number * 3 + 1)
        guard let first = LocalDate(year: year, month: number * 3 - 2, day: 1),
            let following = LocalDate(year: next.0, month: next.1, day: 1)
        else { preconditionFailure("Quarter \(self) has valid month starts") }
        return first...following.adding(days: -1)
    }

    /// `2025-Q1`.
    public var description: String { "\(year)-Q\(number)" }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        (lhs.year, lhs.number) < (rhs.year, rhs.number)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let quarter = Quarter(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a quarter like 2025-Q1: \(text)")
        }
        self = quarter
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
