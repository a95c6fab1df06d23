import Foundation
import Testing
@testable import LianxinCore

@Suite struct SLAClockTests {
    let calendar = WorkCalendar.china
    /// The 12530 on-site clock: 30 minutes from 10:08, warning at 10:32, due 10:38.
    let arrive = SLAClock(StageLimit(.arrive, .minutes(30)), startedAt: beijingTime("2024-10-08 10:08"))

    @Test func runsThenWarnsThenBreaches() {
        #expect(arrive.status(at: beijingTime("2024-10-08 10:20"), in: calendar) == .running)
        #expect(arrive.status(at: beijingTime("2024-10-08 10:32"), in: calendar) == .warning)
        #expect(arrive.status(at: beijingTime("2024-10-08 10:38"), in: calendar) == .warning)
        #expect(arrive.status(at: beijingTime("2024-10-08 10:38:01"), in: calendar) == .breached)
    }

    @Test func aStoppedClockKeepsItsVerdict() {
        var onTime = arrive
        onTime.stop(at: beijingTime("2024-10-08 10:38"))
        #expect(onTime.status(at: beijingTime("2024-10-09 10:00"), in: calendar) == .met)
        var late = arrive
        late.stop(at: beijingTime("2024-10-08 10:40"))
        late.stop(at: beijingTime("2024-10-08 10:30"))
        #expect(late.stoppedAt == beijingTime("2024-10-08 10:40"))
        #expect(late.status(at: beijingTime("2024-10-08 10:41"), in: calendar) == .breached)
    }

    @Test func aPausedClockStandsStill() {
        var clock = arrive
        clock.pause(at: beijingTime("2024-10-08 10:15"))
        #expect(clock.status(at: beijingTime("2024-10-08 11:00"), in: calendar) == .paused)
        #expect(clock.due(asOf: beijingTime("2024-10-08 11:00"), in: calendar) == beijingTime("2024-10-08 11:23"))
        clock.resume(at: beijingTime("2024-10-08 10:25"))
        #expect(clock.pauses == [ClockPause(start: beijingTime("2024-10-08 10:15"), end: beijingTime("2024-10-08 10:25"))])
        #expect(clock.due(asOf: beijingTime("2024-10-08 10:40"), in: calendar) == beijingTime("2024-10-08 10:48"))
        #expect(clock.warningTime(asOf: beijingTime("2024-10-08 10:40"), in: calendar) == beijingTime("2024-10-08 10:42"))
        #expect(clock.status(at: beijingTime("2024-10-08 10:40"), in: calendar) == .running)
        #expect(clock.status(at: beijingTime("2024-10-08 10:45"), in: calendar) == .warning)
    }

    @Test func pausingAfterTheDeadlineDoesNotHideTheBreach() {
        var clock = arrive
        clock.pause(at: beijingTime("2024-10-08 10:40"))
        #expect(clock.status(at: beijingTime("2024-10-08 11:00"), in: calendar) == .breached)
    }

    @Test func stoppingEndsAnOpenPause() {
        var clock = arrive
        clock.pause(at: beijingTime("2024-10-08 10:30"))
        clock.stop(at: beijingTime("2024-10-08 11:00"))
        #expect(clock.pausedSince == nil)
        #expect(clock.status(at: beijingTime("2024-10-08 11:00"), in: calendar) == .met)
    }

    @Test func anApprovedExtensionMovesTheDeadline() throws {
        var clock = SLAClock(StageLimit(.complete, .workingDays(3)), startedAt: beijingTime("2024-09-26 10:00"))
        #expect(clock.status(at: beijingTime("2024-10-01 00:00:01"), in: calendar) == .breached)
        clock.extend(by: .workingDays(2))
        #expect(clock.due(asOf: beijingTime("2024-10-01 00:00:01"), in: calendar) == beijingTime("2024-10-10 00:00"))
        #expect(clock.status(at: beijingTime("2024-10-08 10:00"), in: calendar) == .running)
        let data = try JSONEncoder().encode(clock)
        #expect(try JSONDecoder().decode(SLAClock.self, from: data) == clock)
    }
}
