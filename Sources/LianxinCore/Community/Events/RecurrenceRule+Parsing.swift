extension RecurrenceRule {
    /// Reads a schedule written the way notices write it: the days, then the hours, optionally 节假日除外 —
    /// 每周四 14:00-17:00, 每周二、周四 9:00-11:30, 每月第一个周六 08:00-12:00, 每月15日 09:00-11:00,
    /// 农历逢三、六、九 07:00-12:00, 逢五逢十 07:00-11:00, 2025年3月6日 09:00-11:00. Full-width forms and
    /// 至/到/～ between the times are accepted.
    public init(parsing text: String) throws(RecurrenceParseError) {
        var rest = Self.normalized(text)
        guard !rest.isEmpty else { throw .empty }
        var skipsHolidays = false
        for note in ["(法定节假日除外)", "(节假日除外)", "法定节假日除外", "节假日除外"] where rest.hasSuffix(note) {
            rest = String(rest.dropLast(note.count)).trimmingSeparators()
            skipsHolidays = true
            break
        }
        guard let match = rest.firstMatch(of: /(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/) else {
            throw .missingTimeWindow(text: text)
        }
        guard let start = TimeOfDay(match.output.1) else { throw .invalidTime(String(match.output.1)) }
        guard let end = TimeOfDay(match.output.2) else { throw .invalidTime(String(match.output.2)) }
        let days = String(rest[..<match.range.lowerBound]).trimmingSeparators()
        guard let pattern = RecurrencePattern(chinese: days) else { throw .unreadableDays(days) }
        do {
            try self.init(pattern, window: TimeWindow(start: start, end: end), skipsHolidays: skipsHolidays)
        } catch {
            throw .invalidRule(error)
        }
    }

    /// Full-width letters, digits and punctuation as ASCII; dashes, waves, 至 and 到 as `-`; ends trimmed.
    private static func normalized(_ text: String) -> String {
        let halfWidth = String.UnicodeScalarView(
            text.unicodeScalars.map { scalar in
                switch scalar.value {
                case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
                case 0x3000: " "
                default: scalar
                }
            })
        return String(String(halfWidth).map { dashes.contains($0) ? "-" : $0 }).trimmingSeparators()
    }

    private static let dashes: Set<Character> = ["~", "〜", "–", "—", "−", "至", "到"]
}

private extension String {
    /// The text without leading or trailing spaces, commas and semicolons.
    func trimmingSeparators() -> String {
        let separators: Set<Character> = [" ", "\t", ",", ";", "、"]
        guard let first = firstIndex(where: { !separators.contains($0) }),
            let last = lastIndex(where: { !separators.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
