import Foundation
import Testing
@testable import LianxinCore

/// 主办/协办: each assisting unit signs and reports its own part, on its own clocks; the lead completes only when every
/// part is reported, released or waived by the dispatcher; replaying the events gives the same parts.
@Suite struct JointHandlingTests {
    typealias F = WorkOrderFixture

    static let water = F.uuid(0xD3)
    static let waterHandler = WorkOrderActor.staff(.departmentHandler, id: F.uuid(0xB4), departmentID: water)
    static let roadsHandler = WorkOrderActor.staff(.departmentHandler, id: F.uuid(0xB5), departmentID: F.otherUnit)
    static let stranger = WorkOrderActor.staff(.departmentHandler, id: F.uuid(0xB6), departmentID: F.uuid(0xD9))

    /// Accepted, dispatched to `F.unit` with two assisting units, signed and started by the lead.
    static let jointStart: [(WorkOrderAction, WorkOrderActor)] = [
        (.accept(note: nil), F.operatorStaff),
        (.dispatch(departmentID: F.unit, note: nil, assists: [F.otherUnit, water]), F.dispatcher),
        (.sign, F.handler), (.startProgress, F.handler),
    ]

    @Test func dispatchNamesTheAssistingUnitsEachWaitingToSign() throws {
        let order = try F.walk(Self.jointStart).state
        #expect(order.departmentID == F.unit)
        #expect(order.assists.map(\.departmentID) == [F.otherUnit, Self.water])
        #expect(order.assists.allSatisfy { $0.status == .awaitingSign })
        #expect(order.hasOpenAssists)
    }

    @Test func theLeadCompletesOnlyAfterEveryAssistingUnitReported() throws {
        var steps = Self.jointStart
        let complete = WorkOrderAction.complete(note: "已修复", photoIDs: [])
        #expect(throws: TransitionError.assistsOutstanding) { try F.walk(steps + [(complete, F.handler)]) }
        steps += [(.signAssist, Self.roadsHandler), (.reportAssist(note: "已封闭路面", photoIDs: []), Self.roadsHandler)]
        #expect(throws: TransitionError.assistsOutstanding) { try F.walk(steps + [(complete, F.handler)]) }
        steps += [(.signAssist, Self.waterHandler), (.reportAssist(note: "已关阀停水", photoIDs: []), Self.waterHandler)]
        let done = try F.walk(steps + [(complete, F.handler)])
        #expect(done.state.status == .completed)
        #expect(done.state.assists.map(\.status) == [.reported, .reported])
        #expect(done.state.assist(of: Self.water)?.note == "已关阀停水")
        #expect(try WorkOrderState.rebuild(from: done.events) == done.state)
        let offered = WorkOrderMachine.offeredActions(in: try F.walk(Self.jointStart).state, to: F.handler)
        #expect(!offered.contains(.complete))
    }

    @Test func anAssistingUnitDoesOnlyItsOwnPart() throws {
        let order = try F.walk(Self.jointStart).state
        // It can neither complete nor take any of the lead's steps.
        for action in [
            WorkOrderAction.complete(note: "我来办结", photoIDs: []), .addProgressNote(note: "进展", photoIDs: []),
            .requestExtension(extra: .workingDays(1), reason: "协调"), .pauseForRequester(reason: "等待"),
        ] {
            #expect(throws: TransitionError.notAssignedUnit(action: action.kind)) {
                try WorkOrderMachine.apply(action, to: order, by: Self.waterHandler, at: F.start)
            }
        }
        // A unit with no part cannot sign one; a report needs a signature first; a second signature is refused.
        #expect(throws: TransitionError.noAssistPart(action: .signAssist)) {
            try WorkOrderMachine.apply(.signAssist, to: order, by: Self.stranger, at: F.start)
        }
        #expect(throws: TransitionError.noAssistPart(action: .reportAssist)) {
            try WorkOrderMachine.apply(.reportAssist(note: "已处理", photoIDs: []), to: order, by: Self.waterHandler, at: F.start)
        }
        let signed = try WorkOrderMachine.apply(.signAssist, to: order, by: Self.waterHandler, at: F.start).state
        #expect(signed.assist(of: Self.water)?.signedBy == Self.waterHandler.id)
        #expect(throws: TransitionError.noAssistPart(action: .signAssist)) {
            try WorkOrderMachine.apply(.signAssist, to: signed, by: Self.waterHandler, at: F.start)
        }
        #expect(throws: TransitionError.reasonRequired(action: .reportAssist)) {
            try WorkOrderMachine.apply(.reportAssist(note: "  ", photoIDs: []), to: signed, by: Self.waterHandler, at: F.start)
        }
        let offered = WorkOrderMachine.offeredActions(in: signed, to: Self.waterHandler)
        #expect(offered == [.reportAssist, .requestAssistRelease])
        // The lead's own steps are not offered to the assisting unit, nor the assisting steps to the lead.
        #expect(!WorkOrderMachine.offeredActions(in: signed, to: F.handler).contains(.signAssist))
    }

    @Test func theDispatcherDecidesReleasesAndMayGoOnWithoutAUnit() throws {
        var steps = Self.jointStart + [(.requestAssistRelease(reason: "不属于本单位职责"), Self.roadsHandler)]
        let asked = try F.walk(steps).state
        #expect(asked.assist(of: F.otherUnit)?.status == .releaseRequested)
        #expect(throws: TransitionError.reasonRequired(action: .decideAssistRelease)) {
            try WorkOrderMachine.apply(
                .decideAssistRelease(departmentID: F.otherUnit, approved: false, note: nil), to: asked, by: F.dispatcher, at: F.start)
        }
        let refused = try WorkOrderMachine.apply(
            .decideAssistRelease(departmentID: F.otherUnit, approved: false, note: "属于本单位职责"), to: asked, by: F.dispatcher,
            at: F.start)
        #expect(refused.state.assist(of: F.otherUnit)?.status == .awaitingSign)
        steps += [(.decideAssistRelease(departmentID: F.otherUnit, approved: true, note: nil), F.dispatcher)]
        #expect(throws: TransitionError.reasonRequired(action: .waiveAssist)) {
            try F.walk(steps + [(.waiveAssist(departmentID: Self.water, reason: ""), F.dispatcher)])
        }
        steps += [(.waiveAssist(departmentID: Self.water, reason: "险情已排除，无须再等"), F.dispatcher)]
        steps += [(.complete(note: "已修复", photoIDs: []), F.handler)]
        let done = try F.walk(steps)
        #expect(done.state.status == .completed)
        #expect(done.state.assists.map(\.status) == [.released, .waived])
        #expect(try WorkOrderState.rebuild(from: done.events) == done.state)
        // A handler may not decide for the dispatcher.
        #expect(throws: TransitionError.notPermitted(action: .waiveAssist, actor: .staff(.departmentHandler))) {
            try WorkOrderMachine.apply(.waiveAssist(departmentID: Self.water, reason: "不等了"), to: asked, by: F.handler, at: F.start)
        }
    }

    @Test func assistingUnitsMustDifferFromTheLeadAndEachOther() throws {
        let received = try F.order(in: .received)
        for assists in [[F.unit], [F.otherUnit, F.otherUnit]] {
            #expect(throws: TransitionError.invalidAssist) {
                try WorkOrderMachine.apply(
                    .dispatch(departmentID: F.unit, note: nil, assists: assists), to: received, by: F.dispatcher, at: F.start)
            }
        }
        let order = try F.walk(Self.jointStart).state
        #expect(throws: TransitionError.invalidAssist) {
            try WorkOrderMachine.apply(.addAssists(departmentIDs: [Self.water], note: nil), to: order, by: F.dispatcher, at: F.start)
        }
        #expect(throws: TransitionError.invalidAssist) {
            try WorkOrderMachine.apply(.addAssists(departmentIDs: [], note: nil), to: order, by: F.dispatcher, at: F.start)
        }
        let more = try WorkOrderMachine.apply(
            .addAssists(departmentIDs: [F.uuid(0xD4)], note: "增加协办"), to: order, by: F.dispatcher, at: F.start)
        #expect(more.event.kind == .assistsAdded)
        #expect(more.state.assists.count == 3)
    }

    @Test func eachPartHasItsOwnSignAndReportClocks() throws {
        // Sign within 30 minutes, report within the completion limit of 3 working days.
        let policy = try SLAPolicy(
            code: "t", name: "测试", englishName: "test", stages: [StageLimit(.sign, .minutes(30)), StageLimit(.complete, .workingDays(3))])
        let calendar = WorkCalendar.china
        let steps = Self.jointStart
        let order = try F.walk(steps).state
        let part = try #require(order.assist(of: Self.water))
        let clocks = AssistClocks.clocks(of: part, policy: policy, pauses: [], pausedSince: nil)
        #expect(clocks.map(\.stage) == [.sign, .complete])
        #expect(clocks.allSatisfy { $0.startedAt == part.addedAt && $0.isRunning })
        let signDue = clocks[0].due(asOf: part.addedAt, in: calendar)
        #expect(signDue == part.addedAt.addingTimeInterval(30 * 60))
        #expect(!AssistClocks.isOverdue(part, policy: policy, pauses: [], pausedSince: nil, at: part.addedAt, in: calendar))
        #expect(AssistClocks.isOverdue(part, policy: policy, pauses: [], pausedSince: nil, at: signDue.addingTimeInterval(60), in: calendar))
        // Signed in time: the sign clock stops met, the report clock runs on; once reported nothing is overdue.
        let signed = try WorkOrderMachine.apply(.signAssist, to: order, by: Self.waterHandler, at: part.addedAt.addingTimeInterval(600))
        let signedPart = try #require(signed.state.assist(of: Self.water))
        let after = AssistClocks.clocks(of: signedPart, policy: policy, pauses: [], pausedSince: nil)
        #expect(after[0].status(at: signDue.addingTimeInterval(60), in: calendar) == .met)
        #expect(after[1].isRunning)
        let reported = try WorkOrderMachine.apply(
            .reportAssist(note: "已配合", photoIDs: []), to: signed.state, by: Self.waterHandler, at: part.addedAt.addingTimeInterval(1200))
        let done = try #require(reported.state.assist(of: Self.water))
        #expect(!AssistClocks.isOverdue(done, policy: policy, pauses: [], pausedSince: nil, at: signDue.addingTimeInterval(1e7), in: calendar))
        #expect(AssistClocks.clocks(of: done, policy: policy, pauses: [], pausedSince: nil).allSatisfy { !$0.isRunning })
    }

    @Test func redispatchingToAnAssistingUnitEndsItsPart() throws {
        let moved = try F.walk(Self.jointStart + [(.redispatch(departmentID: Self.water, reason: "以供水抢修为主"), F.dispatcher)])
        #expect(moved.state.departmentID == Self.water)
        #expect(moved.state.assist(of: Self.water)?.status == .released)
        #expect(moved.state.assist(of: F.otherUnit)?.status == .awaitingSign)
        #expect(try WorkOrderState.rebuild(from: moved.events) == moved.state)
    }

    /// The part guard table, written out by hand.
    @Test func thePartGuardTable() {
        #expect(AssistPartGuard.statuses(for: .signAssist) == [.awaitingSign])
        #expect(AssistPartGuard.statuses(for: .reportAssist) == [.signed])
        #expect(AssistPartGuard.statuses(for: .requestAssistRelease) == [.awaitingSign, .signed])
        #expect(AssistPartGuard.statuses(for: .decideAssistRelease) == [.releaseRequested])
        #expect(AssistPartGuard.statuses(for: .waiveAssist) == [.awaitingSign, .signed, .releaseRequested])
        #expect(AssistStatus.allCases.filter(\.isOpen) == [.awaitingSign, .signed, .releaseRequested])
    }
}
