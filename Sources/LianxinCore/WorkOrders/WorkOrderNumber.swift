import Foundation

/// An order's public number (工单编号): the Beijing-time day it was created, `YYYYMMDD`, then a 6-digit daily sequence.
public struct WorkOrderNumber: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let day: LocalDate
    /// 1…999 999, unique within the day (the database hands it out).
    public let sequence: Int

    /// The largest sequence a day can hold.
    public static let maximumSequence = 999_999

    /// The number of the `sequence`-th order of `day`; nil when the sequence is out of range.
    public init?(day: LocalDate, sequence: Int) {
        guard (1...Self.maximumSequence).contains(sequence), (0...9_999).contains(day.year) else { return nil }
        self.day = day
        self.sequence = sequence
    }

    /// The number of the `sequence`-th order created on the Beijing-time day of `instant`.
    public init?(createdAt instant: Date, sequence: Int, timeZone: TimeZone = WorkCalendar.shanghai) {
        self.init(day: LocalDate(instant, in: timeZone), sequence: sequence)
    }

    /// Reads a 14-digit number such as `20241008000123`.
    public init?(_ text: String) {
        guard text.count == 14, text.allSatisfy({ $0.isASCII && $0.isNumber }),
            let day = LocalDate(iso: "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.dropFirst(6).prefix(2))"),
            let sequence = Int(text.suffix(6))
        else { return nil }
        self.init(day: day, sequence: sequence)
    }

    /// `YYYYMMDD` followed by the zero-padded sequence.
    public var description: String {
        let digits = String(sequence)
        return day.compactDescription + String(repeating: "0", count: 6 - digits.count) + digits
    }

    public static func < (lhs: WorkOrderNumber, rhs: WorkOrderNumber) -> Bool {
        (lhs.day, lhs.sequence) < (rhs.day, rhs.sequence)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let number = WorkOrderNumber(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a work-order number: \(text)")
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
