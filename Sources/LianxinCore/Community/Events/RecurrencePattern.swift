/// On which days a service event (红帐篷) takes place.
public enum RecurrencePattern: Sendable, Hashable, Codable {
    /// Every week on these weekdays (每周四).
    case weekly(weekdays: [Weekday])
    /// Every month on one weekday of it (每月第一个周六, 每月最后一个周五).
    case monthlyByWeekday(ordinal: WeekdayOrdinal, weekday: Weekday)
    /// Every month on this day of the month (每月15日); months without that day are skipped.
    case monthlyByDay(day: Int)
    /// Every lunar day whose number ends in one of these digits, 0 standing for 初十, 二十 and 三十
    /// (农历逢三、六、九 is [3, 6, 9]; 逢五逢十 is [5, 0]). A 29-day lunar month has no 三十.
    case lunarMarketDays(digits: [Int])
    /// Once, on this day.
    case once(date: LocalDate)

    /// Whether the pattern falls on `day`; lunar market days outside 1900–2100 never do.
    public func includes(_ day: LocalDate) -> Bool {
        switch self {
        case .weekly(let weekdays):
            return weekdays.contains(Weekday(of: day))
        case .monthlyByWeekday(let ordinal, let weekday):
            let (year, month, dayOfMonth) = day.components
            return Weekday(of: day) == weekday
                && ordinal.matches(dayOfMonth: dayOfMonth, daysInMonth: Self.daysIn(month: month, year: year))
        case .monthlyByDay(let target):
            return day.components.day == target
        case .lunarMarketDays(let digits):
            guard let lunar = try? LunarDate(day) else { return false }
            return digits.contains(lunar.day % 10)
        case .once(let date):
            return day == date
        }
    }

    /// The same pattern with its lists sorted and deduplicated; throws when it can never occur.
    func validated() throws(RecurrenceRuleError) -> RecurrencePattern {
        switch self {
        case .weekly(let weekdays):
            guard !weekdays.isEmpty else { throw .noWeekdays }
            return .weekly(weekdays: Set(weekdays).sorted())
        case .monthlyByWeekday:
            return self
        case .monthlyByDay(let day):
            guard (1...31).contains(day) else { throw .dayOfMonthOutOfRange(day) }
            return self
        case .lunarMarketDays(let digits):
            guard !digits.isEmpty else { throw .noMarketDays }
            if let wrong = digits.first(where: { !(0...9).contains($0) }) { throw .marketDigitOutOfRange(wrong) }
            // 十 reads last, as in 逢五逢十.
            return .lunarMarketDays(digits: Set(digits).sorted { ($0 == 0 ? 10 : $0) < ($1 == 0 ? 10 : $1) })
        case .once:
            return self
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        guard let first = LocalDate(year: year, month: month, day: 1) else { preconditionFailure("Month \(month) exists") }
        let next = month == 12 ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: month + 1, day: 1)
        guard let next else { preconditionFailure("The month after \(year)-\(month) exists") }
        return next.daysSinceEpoch - first.daysSinceEpoch
    }
}
