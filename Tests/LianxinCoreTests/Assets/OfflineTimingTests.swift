import Foundation
import Testing
@testable import LianxinCore

/// Steps done without signal count from the time they were done, within limits; conflicts say what to do.
@Suite struct OfflineTimingTests {
    typealias F = WorkOrderFixture
    let now = beijingTime("2026-12-07 10:00")

    @Test func aStepCountsFromWhenItWasDoneWithinLimits() throws {
        let done = now.addingTimeInterval(-3 * 3_600)
        #expect(try OfflineTiming.effectiveTime(doneAt: done, receivedAt: now, lastStepAt: done.addingTimeInterval(-60)) == done)
        // Done before the order's last recorded step: it counts from that step.
        let last = now.addingTimeInterval(-3_600)
        #expect(try OfflineTiming.effectiveTime(doneAt: done, receivedAt: now, lastStepAt: last) == last)
        // A phone clock a minute fast is tolerated and counted as now.
        #expect(try OfflineTiming.effectiveTime(doneAt: now.addingTimeInterval(60), receivedAt: now, lastStepAt: last) == now)
        #expect(throws: OfflineTiming.Refusal.inTheFuture) {
            try OfflineTiming.effectiveTime(doneAt: now.addingTimeInterval(600), receivedAt: now, lastStepAt: last)
        }
        #expect(throws: OfflineTiming.Refusal.tooOld) {
            try OfflineTiming.effectiveTime(doneAt: now.addingTimeInterval(-73 * 3_600), receivedAt: now, lastStepAt: last)
        }
    }

    @Test func aConflictIsNamedByWhatHappenedToTheOrder() throws {
        #expect(try OutboxConflict.classify(F.order(in: .closed), unitID: F.unit) == .finished)
        #expect(try OutboxConflict.classify(F.order(in: .signed), unitID: F.otherUnit) == .reassigned)
        #expect(try OutboxConflict.classify(F.order(in: .completed), unitID: F.unit) == .changed)
    }
}
