/// The days that differ from the Monday–Friday week: statutory days off and make-up working weekends.
public struct HolidaySchedule: Sendable, Hashable {
    private let byDate: [LocalDate: HolidayEntry]

    /// Checks and indexes `entries`: a date may appear once, and a make-up working day must be a weekend day.
    public init(_ entries: [HolidayEntry]) throws(HolidayScheduleError) {
        var byDate: [LocalDate: HolidayEntry] = [:]
        for entry in entries {
            if let earlier = byDate[entry.date], earlier != entry { throw .conflictingEntries(entry.date) }
            if entry.kind == .workday && !entry.date.isWeekend { throw .workdayNotOnWeekend(entry.date) }
            byDate[entry.date] = entry
        }
        self.byDate = byDate
    }

    /// An empty schedule: every weekday works, every weekend rests.
    public static let empty = HolidaySchedule(checked: [:])

    private init(checked byDate: [LocalDate: HolidayEntry]) {
        self.byDate = byDate
    }

    /// The entry for `date`, if the notices mention it.
    public func entry(on date: LocalDate) -> HolidayEntry? {
        byDate[date]
    }

    /// All entries in date order.
    public var entries: [HolidayEntry] {
        byDate.values.sorted { $0.date < $1.date }
    }

    /// The years that have at least one entry, to tell admins when next year's notice is missing.
    public var years: Set<Int> {
        Set(byDate.keys.map(\.year))
    }

    /// This schedule with `other`'s entries added; on a shared date `other` wins (a newer notice corrects an older one).
    public func merging(_ other: HolidaySchedule) -> HolidaySchedule {
        HolidaySchedule(checked: byDate.merging(other.byDate) { _, newer in newer })
    }
}

/// Why holiday data was refused.
public enum HolidayScheduleError: Error, Sendable, Hashable {
    case conflictingEntries(LocalDate)
    case workdayNotOnWeekend(LocalDate)
    case invalidLine(number: Int, text: String)

    /// A message for the admin who loaded the data, in Chinese or English.
    public func message(english: Bool) -> String {
        switch self {
        case .conflictingEntries(let date):
            english ? "\(date) is listed twice with different meanings." : "\(date) 出现了两次且含义不同。"
        case .workdayNotOnWeekend(let date):
            english
                ? "\(date) is a weekday, so it cannot be a make-up working day."
                : "\(date) 不是周末，不能作为调休上班日。"
        case .invalidLine(let number, let text):
            english
                ? "Line \(number) is not `date,kind[,name]` with kind holiday or workday: \(text)"
                : "第 \(number) 行不符合“日期,类型[,名称]”格式（类型为 holiday 或 workday）：\(text)"
        }
    }
}
