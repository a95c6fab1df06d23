/// Which of a month's weekdays of one kind is meant: the first … fourth, or the last.
public enum WeekdayOrdinal: Int, Sendable, Hashable, Codable, CaseIterable {
    case first = 1, second, third, fourth
    case last = -1

    /// Whether day `dayOfMonth` of a month with `daysInMonth` days is this ordinal of its weekday.
    func matches(dayOfMonth: Int, daysInMonth: Int) -> Bool {
        switch self {
        case .last: dayOfMonth + 7 > daysInMonth
        default: (dayOfMonth - 1) / 7 + 1 == rawValue
        }
    }

    /// 第一个 … 第四个, 最后一个 in Chinese; first … fourth, last in English.
    public func name(in language: DisplayLanguage) -> String {
        switch (self, language) {
        case (.last, .zhCN): "最后一个"
        case (_, .zhCN): "第\(ChineseNumerals.name(of: rawValue))个"
        case (.last, .en): "last"
        case (_, .en): ["first", "second", "third", "fourth"][rawValue - 1]
        }
    }
}
