import Foundation
import Testing
@testable import LianxinCore

/// 核查结案: where the category requires it, a completion waits for an on-site check by someone who did not handle
/// the order, with the position and a photo; a failed check sends the order back to the unit; the check is timed
/// as its own stage and counted in the rollups.
@Suite struct VerificationTests {
    typealias F = WorkOrderFixture
    static let checked = WorkOrderRules(requiresVerification: true)
    static let site = GeoPoint(lon: 117.943, lat: 28.455)
    static let gridMember = WorkOrderActor.staff(.gridMember, id: F.uuid(0xE7), departmentID: F.uuid(0xD7))

    /// The order completed by the handler at 09:05 under the rule that requires a check.
    func completed() throws -> (state: WorkOrderState, events: [WorkOrderEvent]) {
        try F.walk(F.steps(to: .completed), rules: Self.checked)
    }

    func apply(_ action: WorkOrderAction, to state: WorkOrderState, by actor: WorkOrderActor, minutes: Double = 120) throws
        -> Transition
    {
        try WorkOrderMachine.apply(action, to: state, by: actor, at: F.start.addingTimeInterval(minutes * 60), rules: Self.checked)
    }

    @Test func aCompletionWaitsForTheCheckOnlyWhereTheCategoryRequiresIt() throws {
        #expect(try completed().state.status == .verifying)
        #expect(try completed().state.completedBy == F.handler.id)
        #expect(try F.walk(F.steps(to: .completed)).state.status == .completed)
    }

    @Test func aWaitingOrderCanBeNeitherRevisitedNorClosed() throws {
        let state = try completed().state
        #expect(throws: TransitionError.notAllowedInStatus(action: .close, status: .verifying)) {
            try apply(.close(note: "联系不上"), to: state, by: F.operatorStaff)
        }
        #expect(throws: TransitionError.notAllowedInStatus(action: .revisit, status: .verifying)) {
            try apply(.revisit(Evaluation(satisfaction: .satisfied, solved: true)), to: state, by: F.operatorStaff)
        }
        let offered = WorkOrderMachine.offeredActions(in: state, to: F.operatorStaff, revisitPossible: false)
        #expect(!offered.contains(.close) && !offered.contains(.revisit))
        #expect(WorkOrderMachine.offeredActions(in: state, to: F.supervisor).contains(.verify))
        #expect(WorkOrderMachine.offeredActions(in: state, to: Self.gridMember).contains(.verify))
    }

    @Test func theHandlerNeverChecksTheirOwnWork() throws {
        let state = try completed().state
        let handlerAsGridMember = WorkOrderActor.staff(.gridMember, id: try #require(F.handler.id), departmentID: F.unit)
        #expect(throws: TransitionError.checkerIsHandler) {
            try apply(.verify(passed: true, location: Self.site, photoIDs: [F.photo], note: nil), to: state, by: handlerAsGridMember)
        }
        #expect(!WorkOrderMachine.offeredActions(in: state, to: handlerAsGridMember).contains(.verify))
        // The unit's own handler is not a checker at all.
        #expect(throws: TransitionError.notPermitted(action: .verify, actor: .staff(.departmentHandler))) {
            try apply(.verify(passed: true, location: Self.site, photoIDs: [F.photo], note: nil), to: state, by: F.handler)
        }
    }

    @Test func aCheckNeedsThePositionAPhotoAndOnFailureANote() throws {
        let state = try completed().state
        #expect(throws: TransitionError.verificationNeedsPosition) {
            try apply(.verify(passed: true, location: nil, photoIDs: [F.photo], note: nil), to: state, by: F.supervisor)
        }
        #expect(throws: TransitionError.invalidLocation) {
            try apply(.verify(passed: true, location: GeoPoint(lon: 200, lat: 28), photoIDs: [F.photo], note: nil), to: state, by: F.supervisor)
        }
        #expect(throws: TransitionError.verificationNeedsPhoto) {
            try apply(.verify(passed: true, location: Self.site, photoIDs: [], note: nil), to: state, by: F.supervisor)
        }
        #expect(throws: TransitionError.reasonRequired(action: .verify)) {
            try apply(.verify(passed: false, location: Self.site, photoIDs: [F.photo], note: "  "), to: state, by: F.supervisor)
        }
        #expect(TransitionError.verificationNeedsPhoto.category == .invalidInput)
        #expect(TransitionError.checkerIsHandler.category == .permission)
    }

    @Test func aFailedCheckSendsTheOrderBackAndAPassedOneLetsItClose() throws {
        let (state, _) = try completed()
        let failed = try apply(
            .verify(passed: false, location: Self.site, photoIDs: [F.photo], note: "井盖仍松动"), to: state, by: Self.gridMember)
        #expect(failed.event.kind == .verified && failed.event.payload.approved == false && failed.event.payload.location == Self.site)
        #expect(failed.state.status == .inProgress && failed.state.completedAt == nil && failed.state.verificationPassed == false)
        // The unit redoes it; the next completion waits for a check again, which a supervisor passes.
        let redone = try apply(.complete(note: "已更换井盖", photoIDs: [F.photo]), to: failed.state, by: F.handler, minutes: 180)
        #expect(redone.state.status == .verifying && redone.state.verificationPassed == nil)
        let passed = try apply(
            .verify(passed: true, location: Self.site, photoIDs: [F.photo], note: nil), to: redone.state, by: F.supervisor, minutes: 200)
        #expect(passed.state.status == .completed && passed.state.verificationPassed == true)
        let closed = try apply(.close(note: "诉求人无法联系"), to: passed.state, by: F.operatorStaff, minutes: 210)
        #expect(closed.state.status == .closed)
    }

    @Test func theCheckIsTimedAsItsOwnStageAndReplaysExactly() throws {
        var (state, events) = try completed()
        let policy = SLAPolicy.longnanGeneral
        var clocks = WorkOrderClocks()
        for event in events { clocks.apply(event, policy: policy) }
        // longnan-general does not time the check: it falls back on two working days.
        let running = try #require(clocks.running(.verify))
        #expect(running.limit == TimeLimit(2, .workingDays))
        #expect(clocks.running(.feedback) == nil && clocks.running(.complete) == nil)
        let failed = try apply(.verify(passed: false, location: Self.site, photoIDs: [F.photo], note: "未修好"), to: state, by: F.supervisor)
        clocks.apply(failed.event, policy: policy)
        events.append(failed.event)
        state = failed.state
        #expect(clocks.running(.verify) == nil && clocks.running(.complete) != nil)
        #expect(clocks.clocks.last { $0.stage == .verify }?.stoppedAt == F.start.addingTimeInterval(120 * 60))
        let redone = try apply(.complete(note: "已修好", photoIDs: [F.photo]), to: state, by: F.handler, minutes: 300)
        let passed = try apply(
            .verify(passed: true, location: Self.site, photoIDs: [F.photo], note: nil), to: redone.state, by: F.supervisor, minutes: 360)
        for event in [redone.event, passed.event] { clocks.apply(event, policy: policy) }
        events += [redone.event, passed.event]
        #expect(clocks.running(.feedback) != nil)
        #expect(try WorkOrderState.rebuild(from: events) == passed.state)

        // The fact counts the check: one failure, one pass, and the stage's time (60 minutes the second time).
        let dimensions = OrderDimensions(
            divisions: OrderDivisions(city: "361100", county: nil, township: nil, community: nil, grid: nil), categoryCode: "A",
            channel: .hotline, requestKind: .complaint)
        let fact = try OrderFact.from(events: events, dimensions: dimensions, policy: policy, in: .china)
        #expect(fact.verificationsPassed == 1 && fact.verificationsFailed == 1)
        #expect(fact.stage(.verify)?.durationSeconds == 3_600)
        let counters = RollupCounters(fact)
        #expect(counters.verified == 1 && counters.verificationFailed == 1 && counters[.verify].stopped == 1)
        #expect(RollupMeasure("verificationFailed")?.value(in: counters) == 1)
        #expect(RollupMeasure("verify.met")?.value(in: counters) == 1)
    }

    @Test func oldHistoriesReplayAsBefore() throws {
        // An order completed before checks existed: no verify clock, no counts, the same state.
        let (state, events) = try F.walk(F.steps(to: .closed))
        var clocks = WorkOrderClocks()
        for event in events { clocks.apply(event, policy: .longnanGeneral) }
        #expect(!clocks.clocks.contains { $0.stage == .verify })
        #expect(try WorkOrderState.rebuild(from: events) == state)
        let old = WorkOrderEvent(
            orderID: F.orderID, sequence: 5, kind: .completed, from: .inProgress, to: .completed, actor: F.handler, at: F.start,
            note: "done", payload: WorkOrderEventPayload())
        #expect(old.clockEffects == [.stop(.respond), .stop(.arrive), .stop(.complete), .start(.feedback)])
    }
}
