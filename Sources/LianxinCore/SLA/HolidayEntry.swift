/// How a published notice changes one day: a day off (放假) or a make-up working day (调休上班).
public enum DayKind: String, Sendable, Hashable, Codable, CaseIterable {
    case holiday
    case workday
}

/// One day of a holiday notice, e.g. `2026-02-14 workday 春节`.
public struct HolidayEntry: Sendable, Hashable, Codable {
    public let date: LocalDate
    public let kind: DayKind
    /// The festival the day belongs to (春节, 国庆节…), for display.
    public let name: String?

    public init(date: LocalDate, kind: DayKind, name: String? = nil) {
        self.date = date
        self.kind = kind
        self.name = name
    }
}
