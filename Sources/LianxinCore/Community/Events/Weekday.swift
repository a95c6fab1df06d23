/// A day of the week, numbered as ISO 8601 does (1 = Monday … 7 = Sunday).
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The weekday on which `day` falls.
    public init(of day: LocalDate) {
        guard let weekday = Weekday(rawValue: day.isoWeekday) else { preconditionFailure("ISO weekdays run 1…7") }
        self = weekday
    }

    /// 周一 … 周日 in Chinese, Monday … Sunday in English.
    public func name(in language: DisplayLanguage) -> String {
        switch language {
        case .zhCN: "周" + (self == .sunday ? "日" : ChineseNumerals.name(of: rawValue))
        case .en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1]
        }
    }

    /// The weekday a Chinese numeral names after 周/星期/礼拜 (一 … 六, and 日, 天 or 七 for Sunday).
    init?(chineseNumeral character: Character) {
        switch character {
        case "日", "天", "七": self = .sunday
        default:
            guard let number = ChineseNumerals.digit(character), let weekday = Weekday(rawValue: number) else { return nil }
            self = weekday
        }
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
