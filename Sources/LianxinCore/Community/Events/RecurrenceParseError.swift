/// Why a schedule written in Chinese could not be read as a recurrence rule.
public enum RecurrenceParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing was written.
    case empty
    /// No time window such as 14:00-17:00 ends the text.
    case missingTimeWindow(text: String)
    /// A time in the window is not on a clock (e.g. 25:00).
    case invalidTime(String)
    /// The days before the time window match none of the known forms.
    case unreadableDays(String)
    /// The text was read but describes an impossible rule.
    case invalidRule(RecurrenceRuleError)

    public var description: String { message(in: .en) }

    /// The reason in words, with examples of what can be read.
    public func message(in language: DisplayLanguage) -> String {
        switch (self, language) {
        case (.empty, .zhCN): "请填写活动时间，例如“每周四 14:00-17:00”"
        case (.empty, .en): "the schedule is empty; write e.g. 每周四 14:00-17:00"
        case (.missingTimeWindow(let text), .zhCN): "“\(text)”末尾缺少时间段，例如“14:00-17:00”"
        case (.missingTimeWindow(let text), .en): "\"\(text)\" does not end with a time window such as 14:00-17:00"
        case (.invalidTime(let time), .zhCN): "“\(time)”不是有效的时间"
        case (.invalidTime(let time), .en): "\"\(time)\" is not a valid time"
        case (.unreadableDays(let days), .zhCN):
            "无法识别“\(days)”；可写“每周四”“每月第一个周六”“每月15日”“农历逢三、六、九”或“2025年3月6日”"
        case (.unreadableDays(let days), .en):
            "cannot read the days \"\(days)\"; write e.g. 每周四, 每月第一个周六, 每月15日, 农历逢三、六、九 or 2025年3月6日"
        case (.invalidRule(let error), _): error.message(in: language)
        }
    }
}
