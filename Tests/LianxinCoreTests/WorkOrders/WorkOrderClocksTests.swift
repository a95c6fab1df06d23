import Foundation
import Testing
@testable import LianxinCore

@Suite struct WorkOrderClocksTests {
    typealias F = WorkOrderFixture
    let calendar = WorkCalendar.china

    /// Applies `steps` at the given Beijing times to a new order, feeding every event to the clocks.
    func run(_ steps: [(String, WorkOrderAction, WorkOrderActor)], created: String, policy: SLAPolicy)
        throws -> (clocks: WorkOrderClocks, state: WorkOrderState)
    {
        var transition = try WorkOrderMachine.create(WorkOrderIntake(orderID: F.orderID), by: F.resident, at: beijingTime(created))
        var clocks = WorkOrderClocks()
        clocks.apply(transition.event, policy: policy)
        for (time, action, actor) in steps {
            transition = try WorkOrderMachine.apply(action, to: transition.state, by: actor, at: beijingTime(time))
            clocks.apply(transition.event, policy: policy)
        }
        return (clocks, transition.state)
    }

    @Test func the12530ClocksFollowTheOrderStepByStep() throws {
        let (clocks, _) = try run(
            [
                ("2024-10-08 10:00:40", .accept(note: nil), F.operatorStaff),
                ("2024-10-08 10:03", .dispatch(departmentID: F.unit, note: nil), F.dispatcher),
                ("2024-10-08 10:07", .sign, F.handler),
                ("2024-10-08 10:40", .arrive(location: nil), F.handler),
            ], created: "2024-10-08 10:00", policy: .rule12530)
        let after = beijingTime("2024-10-08 12:00")
        #expect(clocks.clocks.map(\.stage) == [.create, .dispatch, .sign, .arrive])
        #expect(clocks.clocks.map { $0.status(at: after, in: calendar) } == [.met, .breached, .met, .breached])
        #expect(
            clocks.clocks.map { $0.due(asOf: after, in: calendar) }
                == ["2024-10-08 10:01", "2024-10-08 10:02:40", "2024-10-08 10:08", "2024-10-08 10:37"].map(beijingTime))
        #expect(clocks.running(.arrive) == nil)
    }

    @Test func theLongnanClocksPauseExtendAndHandOverToFeedback() throws {
        let (clocks, state) = try run(
            [
                ("2024-09-27 14:00", .accept(note: nil), F.operatorStaff),
                ("2024-09-27 15:00", .dispatch(departmentID: F.unit, note: nil), F.dispatcher),
                ("2024-09-27 15:10", .sign, F.handler),
                ("2024-09-29 10:00", .pauseForRequester(reason: "等待诉求人在家"), F.handler),
                ("2024-09-30 10:00", .resume, F.handler),
                ("2024-10-08 09:30", .requestExtension(extra: .workingDays(2), reason: "需更换管道"), F.handler),
                ("2024-10-08 10:00", .approveExtension(note: nil), F.supervisor),
            ], created: "2024-09-27 13:55", policy: .longnanSimple)
        let complete = try #require(clocks.running(.complete))
        // 3 working days end 8 Oct; one paused working day moves that to 9 Oct; two more days to 11 Oct.
        #expect(complete.pauses.count == 1 && complete.extensions == [.workingDays(2)])
        #expect(complete.due(asOf: beijingTime("2024-10-08 10:00"), in: calendar) == beijingTime("2024-10-12 00:00"))
        #expect(clocks.clocks.first { $0.stage == .dispatch }?.status(at: beijingTime("2024-10-08 10:00"), in: calendar) == .met)
        let done = try WorkOrderMachine.apply(
            .complete(note: "已更换", photoIDs: []), to: state, by: F.handler,
            at: beijingTime("2024-10-11 16:00"))
        var finished = clocks
        finished.apply(done.event, policy: .longnanSimple)
        #expect(finished.clocks.first { $0.stage == .complete }?.status(at: beijingTime("2024-10-15 00:00"), in: calendar) == .met)
        // Feedback: the make-up Saturday 12 Oct, then 14 and 15 Oct.
        let feedback = try #require(finished.running(.feedback))
        #expect(feedback.due(asOf: beijingTime("2024-10-11 16:00"), in: calendar) == beijingTime("2024-10-16 00:00"))
    }

    @Test func anApprovedReturnDropsTheUnitsClocksAndRestartsDispatch() throws {
        let (clocks, _) = try run(
            [
                ("2024-10-08 10:00:40", .accept(note: nil), F.operatorStaff),
                ("2024-10-08 10:02", .dispatch(departmentID: F.unit, note: nil), F.dispatcher),
                ("2024-10-08 10:05", .returnOrder(reason: "不属于本单位"), F.handler),
                ("2024-10-08 10:20", .approveReturn(note: nil), F.dispatcher),
            ], created: "2024-10-08 10:00", policy: .rule12530)
        #expect(clocks.clocks.map(\.stage) == [.create, .dispatch, .dispatch])
        #expect(clocks.running(.dispatch)?.startedAt == beijingTime("2024-10-08 10:20"))
        #expect(clocks.running(.sign) == nil)
    }

    @Test func item04_aReturnWaitingForTheDispatcherLeavesTheUnitsClocksRunning() throws {
        let (clocks, _) = try run(
            [
                ("2024-10-08 10:00:40", .accept(note: nil), F.operatorStaff),
                ("2024-10-08 10:02", .dispatch(departmentID: F.unit, note: nil), F.dispatcher),
                ("2024-10-08 10:05", .returnOrder(reason: "不属于本单位"), F.handler),
                ("2024-10-08 11:00", .refuseReturn(reason: "属于本单位"), F.dispatcher),
            ], created: "2024-10-08 10:00", policy: .rule12530)
        #expect(clocks.running(.sign)?.startedAt == beijingTime("2024-10-08 10:02"))
        #expect(clocks.running(.dispatch) == nil)
    }

    @Test func shelvingStandsEveryClockStill() throws {
        let shelve = try F.walk(F.steps(to: .shelved)).events.last!
        #expect(shelve.clockEffects == [.pauseAll])
        let cancel = try F.walk(F.steps(to: .cancelled)).events.last!
        #expect(cancel.clockEffects == SLAStage.allCases.map(ClockEffect.discard))
    }
}
