/// Why a recurrence rule was refused.
public enum RecurrenceRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A weekly rule names no weekday.
    case noWeekdays
    /// A monthly rule names a day that no month has.
    case dayOfMonthOutOfRange(Int)
    /// A market-day rule names no digit.
    case noMarketDays
    /// A market-day digit is not 0…9.
    case marketDigitOutOfRange(Int)
    /// The time window does not end after it starts.
    case emptyTimeWindow(start: TimeOfDay, end: TimeOfDay)

    public var description: String { message(in: .en) }

    /// The reason in words for the person who entered the rule.
    public func message(in language: DisplayLanguage) -> String {
        switch (self, language) {
        case (.noWeekdays, .zhCN): "每周活动至少要选一天"
        case (.noWeekdays, .en): "a weekly event needs at least one weekday"
        case (.dayOfMonthOutOfRange(let day), .zhCN): "每月\(day)日不存在，日期应在1到31之间"
        case (.dayOfMonthOutOfRange(let day), .en): "day \(day) of the month does not exist; use 1 to 31"
        case (.noMarketDays, .zhCN): "逢集日至少要有一个日子"
        case (.noMarketDays, .en): "market days need at least one digit"
        case (.marketDigitOutOfRange(let digit), .zhCN): "逢集日的尾数\(digit)无效，应为一到十"
        case (.marketDigitOutOfRange(let digit), .en): "market-day digit \(digit) is not 0 to 9"
        case (.emptyTimeWindow(let start, let end), .zhCN): "结束时间\(end)应晚于开始时间\(start)"
        case (.emptyTimeWindow(let start, let end), .en): "the end \(end) must come after the start \(start)"
        }
    }
}
