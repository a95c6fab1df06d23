/// A day of the Chinese lunisolar calendar (农历), such as 甲辰年正月初一, within the lunar years 1900–2100.
public struct LunarDate: Sendable, Hashable, Comparable {
    /// The lunar year, numbered like the Gregorian year in which it mostly falls (甲辰 = 2024).
    public let year: Int
    /// 1 (正月) … 12 (腊月).
    public let month: Int
    /// 1 (初一) … 30 (三十).
    public let day: Int
    /// Whether the month is the leap month (闰月) that follows the regular month of the same number.
    public let isLeapMonth: Bool
    /// The same day in the Gregorian calendar.
    public let gregorian: LocalDate

    /// The lunar years the built-in table covers.
    public static let supportedYears: ClosedRange<Int> = 1900...2100

    /// The Gregorian days that have a lunar date: 1900-01-31 through the last day of lunar 2100.
    public static let supportedDays: ClosedRange<LocalDate> = {
        guard let first = LunarYear.all.first, let last = LunarYear.all.last else {
            preconditionFailure("The lunar table is empty")
        }
        return first.firstDay...last.firstDay.adding(days: last.dayCount - 1)
    }()

    /// The given lunar day; throws when the year is outside the table or the month or day does not exist.
    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) throws(LunarCalendarError) {
        guard let lunarYear = LunarYear.numbered(year) else { throw .yearOutOfRange(year) }
        guard let index = lunarYear.months.firstIndex(where: { $0.number == month && $0.isLeap == isLeapMonth }) else {
            throw .noSuchMonth(year: year, month: month, isLeapMonth: isLeapMonth)
        }
        guard (1...lunarYear.months[index].dayCount).contains(day) else {
            throw .noSuchDay(year: year, month: month, isLeapMonth: isLeapMonth, day: day)
        }
        let daysBefore = lunarYear.months[..<index].reduce(0) { $0 + $1.dayCount }
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
        self.gregorian = lunarYear.firstDay.adding(days: daysBefore + day - 1)
    }

    /// The lunar date of the Gregorian `day`; throws when the day is outside `supportedDays`.
    public init(_ day: LocalDate) throws(LunarCalendarError) {
        guard let lunarYear = LunarYear.containing(day) else { throw .dayOutOfRange(day) }
        var remaining = day.daysSinceEpoch - lunarYear.firstDay.daysSinceEpoch
        for month in lunarYear.months {
            if remaining < month.dayCount {
                self.year = lunarYear.number
                self.month = month.number
                self.day = remaining + 1
                self.isLeapMonth = month.isLeap
                self.gregorian = day
                return
            }
            remaining -= month.dayCount
        }
        preconditionFailure("\(day) lies in lunar year \(lunarYear.number) but past its last month")
    }

    /// How many days this date's month has: 29 (小月) or 30 (大月).
    public var daysInMonth: Int {
        LunarYear.numbered(year)?.months.first { $0.number == month && $0.isLeap == isLeapMonth }?.dayCount ?? 0
    }

    /// The month that a leap month follows in `year` (闰四月 → 4), or nil when the year has none.
    public static func leapMonth(in year: Int) -> Int? {
        LunarYear.numbered(year)?.months.first(where: \.isLeap)?.number
    }

    public static func < (lhs: LunarDate, rhs: LunarDate) -> Bool {
        lhs.gregorian < rhs.gregorian
    }
}
