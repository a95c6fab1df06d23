import Foundation

/// The visit rules in force, and the pure computation of when a household's next visit is due.
///
/// Days are calendar days in the policy's calendar (China Standard Time by default). A visit on day D
/// satisfies a periodic cadence through day D + interval − 1, so the next visit is due on D + interval
/// and is overdue from the day after. A household never visited is due today. For `onChange`, a change
/// after the last visit makes a visit due the day after the change. With several tags, the earliest
/// due day wins.
public struct VisitPolicy: Sendable {
    /// The rules, by tag.
    public var rules: [VisitRule]
    /// A cadence for every household whatever its tags (e.g. Shangrao's daily round of permanent residents), or nil.
    public var defaultCadence: VisitCadence?
    /// The calendar whose days count.
    public var calendar: Calendar

    /// Creates a policy.
    public init(rules: [VisitRule], defaultCadence: VisitCadence? = nil, calendar: Calendar = VisitPolicy.chinaCalendar) {
        self.rules = rules
        self.defaultCadence = defaultCadence
        self.calendar = calendar
    }

    /// The Gregorian calendar in China Standard Time.
    public static let chinaCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ResidentIDNumber.chinaTimeZone
        return calendar
    }()

    /// When the household with these tags is next due, given its last visit and last change.
    public func due(tags: Set<String>, lastVisit: Date?, lastChange: Date? = nil, now: Date) -> VisitDue {
        let today = calendar.startOfDay(for: now)
        var candidates: [(day: Date, tag: String?)] = []
        var applicable = rules.filter { tags.contains($0.tagID) }.map { (cadence: $0.cadence, tag: Optional($0.tagID)) }
        if let defaultCadence { applicable.append((defaultCadence, nil)) }
        for (cadence, tag) in applicable {
            if let day = dueDay(cadence, lastVisit: lastVisit, lastChange: lastChange, today: today) {
                candidates.append((day, tag))
            }
        }
        guard let earliest = candidates.min(by: { $0.day < $1.day }) else {
            return VisitDue(dueDay: nil, daysOverdue: 0, governingTag: nil)
        }
        let late = calendar.dateComponents([.day], from: earliest.day, to: today).day ?? 0
        return VisitDue(dueDay: earliest.day, daysOverdue: max(0, late), governingTag: earliest.tag)
    }

    private func dueDay(_ cadence: VisitCadence, lastVisit: Date?, lastChange: Date?, today: Date) -> Date? {
        func after(_ component: Calendar.Component, _ count: Int) -> Date? {
            guard let lastVisit else { return today }
            return calendar.date(byAdding: component, value: count, to: calendar.startOfDay(for: lastVisit))
        }
        switch cadence {
        case .daily: return after(.day, 1)
        case .weekly: return after(.day, 7)
        case .everyDays(let count): return after(.day, max(1, count))
        case .monthly: return after(.month, 1)
        case .onChange:
            guard let lastChange, lastVisit.map({ lastChange > $0 }) ?? true else { return nil }
            return calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: lastChange))
        }
    }
}
