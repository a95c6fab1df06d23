import Foundation

/// Rules that keep the times people enter sensible (#18 item 10): a deadline lies ahead, a step that happens
/// at a planned time does not happen before it, a date lies within a reasonable span of today. Every form that
/// takes a time checks it through one of these, so that "a whistle due in 2020" cannot be entered anywhere.
public enum TimeRule {
    /// Why a time was refused.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// A deadline that has already passed.
        case deadlineInPast
        /// A deadline further ahead than `days` days.
        case deadlineTooFar(days: Int)
        /// A step done before the time it was planned for (a meeting held before its date).
        case beforePlannedTime(planned: Date)
        /// A date more than `days` days from today (typed 2062 for 2026).
        case outsideSpan(days: Int)
        /// A day that has not come yet for something that already happened.
        case inFuture

        public var description: String { english }

        /// The message in English.
        public var english: String {
            switch self {
            case .deadlineInPast: "the deadline has already passed; choose a later time"
            case .deadlineTooFar(let days): "the deadline is more than \(days) days ahead"
            case .beforePlannedTime: "it cannot happen before its planned time"
            case .outsideSpan(let days): "the date is more than \(days) days from today"
            case .inFuture: "the day has not come yet"
            }
        }

        /// The message in Chinese.
        public var chinese: String {
            switch self {
            case .deadlineInPast: "时限已过，请选择现在以后的时间"
            case .deadlineTooFar(let days): "时限不能超过 \(days) 天以后"
            case .beforePlannedTime: "还没到预定时间，不能提前记录"
            case .outsideSpan(let days): "日期须在今天前后 \(days) 天以内"
            case .inFuture: "日期不能晚于今天"
            }
        }
    }

    /// A deadline must lie after `now` (a minute of grace for the time the form took) and at most `maxDays` ahead.
    public static func checkDeadline(_ deadline: Date, now: Date, maxDays: Int = 366) throws(Refusal) {
        guard deadline.timeIntervalSince(now) > -60 else { throw .deadlineInPast }
        guard deadline.timeIntervalSince(now) <= Double(maxDays) * 86_400 else { throw .deadlineTooFar(days: maxDays) }
    }

    /// A step planned for `planned` can be recorded from that day on (Beijing days: a meeting set for 19:30 may be
    /// recorded from the morning), not before.
    public static func checkNotBefore(_ planned: Date, now: Date, calendar: Calendar = TimeRule.beijingCalendar) throws(Refusal) {
        guard calendar.startOfDay(for: planned) <= now else { throw .beforePlannedTime(planned: planned) }
    }

    /// A planned or recorded time within `days` days of `now` either way.
    public static func checkSpan(_ date: Date, now: Date, days: Int = 366) throws(Refusal) {
        guard abs(date.timeIntervalSince(now)) <= Double(days) * 86_400 else { throw .outsideSpan(days: days) }
    }

    /// Something that already happened cannot be dated after today (Beijing days).
    public static func checkPast(_ date: Date, now: Date, calendar: Calendar = TimeRule.beijingCalendar) throws(Refusal) {
        guard calendar.startOfDay(for: date) <= calendar.startOfDay(for: now) else { throw .inFuture }
    }

    /// The Gregorian calendar in Beijing time, where every day of the product begins.
    public static var beijingCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return calendar
    }
}
