/// Why a lunar date could not be made or converted.
public enum LunarCalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The lunar year lies outside the table (1900–2100).
    case yearOutOfRange(Int)
    /// The Gregorian day lies outside the table's span.
    case dayOutOfRange(LocalDate)
    /// The year has no such month (a month outside 1…12, or a leap month the year does not have).
    case noSuchMonth(year: Int, month: Int, isLeapMonth: Bool)
    /// The month has no such day (e.g. 三十 in a 29-day month).
    case noSuchDay(year: Int, month: Int, isLeapMonth: Bool, day: Int)

    public var description: String {
        switch self {
        case .yearOutOfRange(let year):
            "lunar year \(year) is outside the supported years \(LunarDate.supportedYears)"
        case .dayOutOfRange(let day):
            "\(day) is outside the days the lunar table covers (\(LunarDate.supportedDays))"
        case .noSuchMonth(let year, let month, let isLeapMonth):
            "lunar year \(year) has no \(isLeapMonth ? "leap " : "")month \(month)"
        case .noSuchDay(let year, let month, let isLeapMonth, let day):
            "\(isLeapMonth ? "leap " : "")month \(month) of lunar year \(year) has no day \(day)"
        }
    }
}
