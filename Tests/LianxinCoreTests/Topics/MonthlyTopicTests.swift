import Testing

@testable import LianxinCore

@Suite("每月一题: the months compared, the change of the monthly average, overdue tasks, closing")
struct MonthlyTopicTests {
    @Test func aTopicComparesTheThreeMonthsBeforeWithTheMonthsAfterUpToToday() throws {
        let september = try #require(Period.month(year: 2026, month: 9))
        let (before, after) = MonthlyTopic.months(of: september, today: "2026-12-07")
        #expect(before.map(\.description) == ["2026-06", "2026-07", "2026-08"])
        #expect(after.map(\.description) == ["2026-10", "2026-11", "2026-12"])
        let january = try #require(Period.month(year: 2026, month: 1))
        let early = MonthlyTopic.months(of: january, today: "2026-01-20")
        #expect(early.before.map(\.description) == ["2025-10", "2025-11", "2025-12"], "across the year's start")
        #expect(early.after.isEmpty, "no month after has begun")
        let long = MonthlyTopic.months(of: january, today: "2028-06-01")
        #expect(long.after.count == 12, "at most a year after")
    }

    @Test func theChangeIsTheMonthlyAverageAfterAgainstBefore() {
        #expect(MonthlyTopic.change(before: [30, 24, 36], after: [18]) == -40)
        #expect(MonthlyTopic.change(before: [10, 10, 10], after: [12, 14]) == 30)
        #expect(MonthlyTopic.change(before: [3, 3, 4], after: [2]) == -40)
        #expect(MonthlyTopic.change(before: [0, 0, 0], after: [5]) == nil, "nothing to compare with")
        #expect(MonthlyTopic.change(before: [10, 10, 10], after: []) == nil, "no month after yet")
    }

    @Test func aTaskIsOverdueOnlyWhenOpenAfterItsDeadlineDay() {
        #expect(!MonthlyTopic.overdue(status: .open, deadline: "2026-10-31", today: "2026-10-31"))
        #expect(MonthlyTopic.overdue(status: .open, deadline: "2026-10-31", today: "2026-11-01"))
        #expect(!MonthlyTopic.overdue(status: .done, deadline: "2026-10-31", today: "2026-11-05"))
    }

    @Test func aTopicClosesWhenEveryTaskIsDone() {
        #expect(MonthlyTopic.closable(tasks: [.done, .done]))
        #expect(!MonthlyTopic.closable(tasks: [.done, .open]))
        #expect(!MonthlyTopic.closable(tasks: []), "a topic without tasks has done nothing")
    }
}
