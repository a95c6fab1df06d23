import Foundation

/// A station's opening hours, written as data such as `1-5 08:30-17:30; 6-7 09:00-12:00`: weekday ranges or lists
/// (1 = Monday … 7 = Sunday) with one or more `HH:mm-HH:mm` windows, in Beijing time.
public struct OpeningHours: Sendable, Hashable, CustomStringConvertible {
    /// One rule: the days it covers and the minutes after midnight when the station opens and closes.
    public struct Rule: Sendable, Hashable {
        public let weekdays: Set<Int>
        public let windows: [ClosedRange<Int>]
    }

    /// Why a text was not read as opening hours.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public let part: String
        public let reason: String
        public var description: String { "\"\(part)\": \(reason)" }
    }

    public let rules: [Rule]

    /// Reads opening hours; parts are separated by `;` or `；`.
    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(whereSeparator: { $0 == ";" || $0 == "；" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw ParseError(part: text, reason: "no opening hours / 未填写开放时间") }
        var rules: [Rule] = []
        for part in parts {
            let fields = part.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count >= 2 else {
                throw ParseError(part: part, reason: "expected days then times, like 1-5 08:30-17:30 / 格式如 1-5 08:30-17:30")
            }
            let days = try Self.weekdays(fields[0], in: part)
            var windows: [ClosedRange<Int>] = []
            for field in fields.dropFirst() {
                for window in field.split(separator: ",") { windows.append(try Self.window(String(window), in: part)) }
            }
            rules.append(Rule(weekdays: days, windows: windows))
        }
        self.rules = rules
    }

    /// Whether the station is open at `instant`.
    public func isOpen(at instant: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ShanghaiTime.zone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: instant)
        let weekday = ((parts.weekday ?? 1) + 5) % 7 + 1  // Calendar: 1 = Sunday; here 1 = Monday
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        return rules.contains { $0.weekdays.contains(weekday) && $0.windows.contains { $0.lowerBound <= minute && minute < $0.upperBound } }
    }

    /// The canonical text, e.g. `1-5 08:30-17:30; 6,7 09:00-12:00`.
    public var description: String {
        rules.map { rule in
            Self.daysText(rule.weekdays) + " "
                + rule.windows.map { Self.clock($0.lowerBound) + "-" + Self.clock($0.upperBound) }.joined(separator: ",")
        }.joined(separator: "; ")
    }

    private static func weekdays(_ text: String, in part: String) throws(ParseError) -> Set<Int> {
        var days: Set<Int> = []
        for item in text.split(separator: ",") {
            let bounds = item.split(separator: "-").map { Int($0) }
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0.map { (1...7).contains($0) } ?? false }),
                let first = bounds.first ?? nil, let last = bounds.last ?? nil, first <= last
            else {
                throw ParseError(part: part, reason: "days are 1 (Monday) to 7 (Sunday), like 1-5 or 6,7 / 星期用 1–7 表示")
            }
            days.formUnion(first...last)
        }
        return days
    }

    private static func window(_ text: String, in part: String) throws(ParseError) -> ClosedRange<Int> {
        let ends = text.split(separator: "-").map { minutes(String($0)) }
        guard ends.count == 2, let open = ends[0], let close = ends[1], open < close else {
            throw ParseError(part: part, reason: "write times like 08:30-17:00, the opening first / 时间请写成 08:30-17:00 这样，开始在前")
        }
        return open...close
    }

    private static func minutes(_ text: String) -> Int? {
        let pieces = text.split(separator: ":")
        guard pieces.count == 2, pieces[0].count == 2, pieces[1].count == 2, let hour = Int(pieces[0]), let minute = Int(pieces[1]),
            (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 1_440
        else { return nil }
        return hour * 60 + minute
    }

    private static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    private static func daysText(_ days: Set<Int>) -> String {
        var runs: [String] = []
        var sorted = days.sorted()[...]
        while let start = sorted.first {
            var end = start
            sorted = sorted.dropFirst()
            while sorted.first == end + 1 { end += 1; sorted = sorted.dropFirst() }
            runs.append(start == end ? "\(start)" : "\(start)-\(end)")
        }
        return runs.joined(separator: ",")
    }
}
