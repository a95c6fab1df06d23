import Foundation

/// The outcome of `VisitPolicy.due`: the due day and how late it is.
public struct VisitDue: Sendable, Hashable {
    /// Start of the day the next visit is due, or nil when no rule applies.
    public var dueDay: Date?
    /// Whole days past the due day (0 when not overdue).
    public var daysOverdue: Int
    /// The tag whose rule set the due day (nil for the default cadence or no rule).
    public var governingTag: String?

    /// Creates an outcome.
    public init(dueDay: Date?, daysOverdue: Int, governingTag: String?) {
        self.dueDay = dueDay
        self.daysOverdue = daysOverdue
        self.governingTag = governingTag
    }

    /// Whether the due day has passed without a visit.
    public var isOverdue: Bool { daysOverdue > 0 }

    /// Whether this visit should come before the other in a grid member's list: more overdue first, then earlier due.
    public func isMoreUrgent(than other: VisitDue) -> Bool {
        if daysOverdue != other.daysOverdue { return daysOverdue > other.daysOverdue }
        switch (dueDay, other.dueDay) {
        case let (mine?, theirs?): return mine < theirs
        case (.some, nil): return true
        default: return false
        }
    }
}
