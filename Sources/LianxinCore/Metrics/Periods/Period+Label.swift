import Foundation

/// A period's label, its coded form in URLs, the API and stored reports: `2025-03-03` (day), `2025-W10` (ISO week),
/// `2025-03` (month), `2025-Q1` (quarter), `2025` (year), `2025-03-01..2025-03-15` (custom range).
extension Period: CustomStringConvertible, Codable {
    /// The label.
    public var description: String {
        let (year, month, _) = first.components
        switch kind {
        case .day: return first.description
        case .week:
            let (weekYear, week) = Self.isoWeek(of: first)
            return "\(Self.padded(weekYear, 4))-W\(Self.padded(week, 2))"
        case .month: return "\(Self.padded(year, 4))-\(Self.padded(month, 2))"
        case .quarter: return "\(Self.padded(year, 4))-Q\((month - 1) / 3 + 1)"
        case .year: return Self.padded(year, 4)
        case .custom: return "\(first)..\(last)"
        }
    }

    /// Reads a label; nil for anything else, an impossible date or week, or a range that ends before it starts.
    public init?(_ label: String) {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        if label.contains("..") {
            let ends = label.components(separatedBy: "..")
            guard ends.count == 2, let first = LocalDate(iso: ends[0]), let last = LocalDate(iso: ends[1]),
                let range = Period.custom(from: first, through: last)
            else { return nil }
            self = range
        } else if parts.count == 3, let day = LocalDate(iso: label) {
            self = .day(day)
        } else if parts.count == 2, let year = Self.number(parts[0], digits: 4) {
            let tail = parts[1]
            let period: Period? =
                switch tail.first {
                case "W": Self.number(tail.dropFirst(), digits: 2).flatMap { Period.week(year: year, week: $0) }
                case "Q": Self.number(tail.dropFirst(), digits: 1).flatMap { Period.quarter(year: year, quarter: $0) }
                default: Self.number(tail, digits: 2).flatMap { Period.month(year: year, month: $0) }
                }
            guard let period else { return nil }
            self = period
        } else if parts.count == 1, let year = Self.number(parts[0], digits: 4) {
            self = .year(year)
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let label = try container.decode(String.self)
        guard let period = Period(label) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a period label: \(label)")
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func number(_ text: some StringProtocol, digits: Int) -> Int? {
        guard text.count == digits, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
