import Foundation

/// 每月一题: each month a problem class (a category of requests in a division) is taken up as a topic — from a
/// hotspot or chosen by a leader — with tasks for named units and deadlines, and judged by the volume of requests
/// of that class before and after.
public enum MonthlyTopic {
    /// Where a topic stands: open while its tasks run, closed with a summary.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open, closed
    }

    /// Where a topic comes from.
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        /// A hotspot of the hotspot pass (未诉先办).
        case hotspot
        /// Chosen by a leader.
        case leader
    }

    /// A task's state: open, or done with what was done.
    public enum TaskStatus: String, Sendable, Hashable, Codable, CaseIterable {
        case open, done
    }

    /// How many months before the topic's month the "before" figure averages.
    public static let monthsBefore = 3

    /// The months a topic compares: the `monthsBefore` months before its own (oldest first) and every month after it
    /// up to and including the month of `today` (at most 12). `month` is a month period (`Period.month`).
    public static func months(of month: Period, today: LocalDate) -> (before: [Period], after: [Period]) {
        var before: [Period] = []
        var earlier = month
        for _ in 0..<monthsBefore {
            earlier = earlier.previous
            before.insert(earlier, at: 0)
        }
        var after: [Period] = []
        var later = month
        while after.count < 12, let next = Period.containing(later.last.adding(days: 1), kind: .month), next.first <= today {
            after.append(next)
            later = next
        }
        return (before, after)
    }

    /// The change of the monthly average after the topic's month against the average before it, in percent
    /// (−40 means 40 % fewer requests a month); nil until a month after has passed or when nothing came before.
    public static func change(before: [Int], after: [Int]) -> Double? {
        guard !before.isEmpty, !after.isEmpty else { return nil }
        let was = Double(before.reduce(0, +)) / Double(before.count)
        guard was > 0 else { return nil }
        let now = Double(after.reduce(0, +)) / Double(after.count)
        return ((now - was) / was * 1000).rounded() / 10
    }

    /// Whether a task is overdue on `today`: still open after its deadline day.
    public static func overdue(status: TaskStatus, deadline: LocalDate, today: LocalDate) -> Bool {
        status == .open && today > deadline
    }

    /// Whether a topic may be closed: every task done.
    public static func closable(tasks: [TaskStatus]) -> Bool {
        !tasks.isEmpty && tasks.allSatisfy { $0 == .done }
    }
}
