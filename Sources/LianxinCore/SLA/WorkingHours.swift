import Foundation

/// The office hours of a working day, as one or more periods (default 09:00–12:00 and 13:30–17:30).
public struct WorkingHours: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One stretch of office time, in minutes after local midnight.
    public struct Period: Sendable, Hashable, Codable {
        public let startMinute: Int
        public let endMinute: Int

        public init(startMinute: Int, endMinute: Int) {
            self.startMinute = startMinute
            self.endMinute = endMinute
        }
    }

    /// The periods, in order and not overlapping.
    public let periods: [Period]

    /// Checks that the periods are non-empty, inside the day, in order and not overlapping.
    public init(_ periods: [Period]) throws(WorkingHoursError) {
        guard !periods.isEmpty else { throw .empty }
        var previousEnd = 0
        for period in periods {
            guard period.startMinute >= previousEnd, period.startMinute < period.endMinute, period.endMinute <= 1_440
            else { throw .invalidPeriods }
            previousEnd = period.endMinute
        }
        self.periods = periods
    }

    /// Reads `09:00-12:00,13:30-17:30`.
    public init(parsing text: String) throws(WorkingHoursError) {
        var periods: [Period] = []
        for range in text.split(separator: ",") {
            let ends = range.split(separator: "-")
            guard ends.count == 2, let start = Self.minute(of: ends[0]), let end = Self.minute(of: ends[1])
            else { throw .unreadable(text) }
            periods.append(Period(startMinute: start, endMinute: end))
        }
        try self.init(periods)
    }

    /// 09:00–12:00 and 13:30–17:30, a common government office day.
    public static let standard = WorkingHours(checked: [
        Period(startMinute: 9 * 60, endMinute: 12 * 60),
        Period(startMinute: 13 * 60 + 30, endMinute: 17 * 60 + 30),
    ])

    /// Office seconds in one working day.
    public var secondsPerDay: Int {
        periods.reduce(0) { $0 + ($1.endMinute - $1.startMinute) * 60 }
    }

    /// When the office day ends, in minutes after midnight.
    public var closingMinute: Int { periods[periods.count - 1].endMinute }

    /// `09:00-12:00,13:30-17:30`.
    public var description: String {
        periods.map { "\(Self.clock($0.startMinute))-\(Self.clock($0.endMinute))" }.joined(separator: ",")
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message(english: true))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private init(checked periods: [Period]) {
        self.periods = periods
    }

    private static func minute(of text: Substring) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 1_440
        else { return nil }
        return hour * 60 + minute
    }

    private static func clock(_ minute: Int) -> String {
        let hour = minute / 60, rest = minute % 60
        return (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (rest < 10 ? "0\(rest)" : "\(rest)")
    }
}

/// Why working hours were refused.
public enum WorkingHoursError: Error, Sendable, Hashable {
    case empty
    case invalidPeriods
    case unreadable(String)

    /// A message for the admin who set the hours, in Chinese or English.
    public func message(english: Bool) -> String {
        switch self {
        case .empty:
            english ? "Working hours need at least one period." : "工作时间至少需要一个时段。"
        case .invalidPeriods:
            english
                ? "Working periods must lie within the day, in order, without overlapping."
                : "工作时段须在一天之内、按时间先后排列且互不重叠。"
        case .unreadable(let text):
            english
                ? "Cannot read working hours \"\(text)\"; write them like 09:00-12:00,13:30-17:30."
                : "无法识别工作时间“\(text)”，请按 09:00-12:00,13:30-17:30 的格式填写。"
        }
    }
}
