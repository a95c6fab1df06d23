import Foundation
import Testing
@testable import LianxinCore

/// Issue 18 item 5: one definition of overdue and due soon, shared by 督办, the lists and the dashboard.
@Suite("DueStatus: overdue and due soon")
struct DueStatusTests {
    static let now = beijingTime("2025-03-04 10:00")

    @Test func item05_overdueMeansPastTheDeadlineAndDueSoonOnlyOrdersNotYetOverdue() {
        let now = Self.now
        #expect(DueStatus.at(now, overdueAfter: now.addingTimeInterval(-3 * 86_400)) == .overdue, "three days late is overdue, not due soon")
        #expect(DueStatus.at(now, overdueAfter: now.addingTimeInterval(-1)) == .overdue)
        #expect(DueStatus.at(now, overdueAfter: now) == .dueSoon, "the deadline instant itself is still in time")
        #expect(DueStatus.at(now, overdueAfter: now.addingTimeInterval(4 * 3_600)) == .dueSoon)
        #expect(DueStatus.at(now, overdueAfter: now.addingTimeInterval(4 * 3_600 + 1)) == .onTime)
        #expect(DueStatus.at(now, overdueAfter: nil) == .untimed)
        #expect(DueStatus.soonRange(at: now).contains(now) && !DueStatus.soonRange(at: now).contains(now.addingTimeInterval(-1)))
    }

    @Test func item05_aPausedOrFinishedClockIsNotOverdueUnlessPausedLate() {
        let due = Self.now
        #expect(DueStatus.overdueAfter(dueAt: due, stopped: false, pausedSince: nil) == due)
        #expect(DueStatus.overdueAfter(dueAt: due, stopped: true, pausedSince: nil) == nil)
        #expect(DueStatus.overdueAfter(dueAt: due, stopped: false, pausedSince: due.addingTimeInterval(-60)) == nil)
        #expect(DueStatus.overdueAfter(dueAt: due, stopped: false, pausedSince: due.addingTimeInterval(60)) == due)
    }

    @Test func item05_theOrderAndTheDashboardFactAgree() {
        let start = beijingTime("2025-03-04 09:00")
        let clock = SLAClock(StageLimit(.sign, TimeLimit(30, .minutes)), startedAt: start)
        let instant = start.addingTimeInterval(60)
        let order = DueStatus.overdueAfter(of: [clock], at: instant, in: .china, status: .dispatched)
        let fact = StageFact(clock, at: instant, in: .china).overdueAfter
        #expect(order != nil && order == fact)
        #expect(DueStatus.overdueAfter(of: [clock], at: instant, in: .china, status: .shelved) == nil, "shelved orders are never overdue")
        #expect(DueStatus.overdueAfter(of: [clock], at: instant, in: .china, status: .closed) == nil)
    }
}
