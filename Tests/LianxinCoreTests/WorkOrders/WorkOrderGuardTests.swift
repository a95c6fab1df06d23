import Foundation
import Testing
@testable import LianxinCore

/// Every action against every status and every kind of actor, checked against tables written out here by hand.
@Suite struct WorkOrderGuardTests {
    typealias F = WorkOrderFixture

    static let unitRoles: Set<String> = ["departmentHandler", "departmentLead", "gridMember", "communityStaff"]
    static let handling: Set<WorkOrderStatus> = [.signed, .arrived, .inProgress]
    static let live: Set<WorkOrderStatus> = [
        .received, .dispatched, .returned, .signed, .arrived, .inProgress, .completed, .verifying, .reviewed, .reopened,
    ]
    static let beforeWork: Set<WorkOrderStatus> = [.received, .returned, .dispatched, .signed, .arrived, .inProgress, .reopened]

    /// A representative action of each kind, with data that passes the action's own checks.
    static let samples: [(WorkOrderAction, statuses: Set<WorkOrderStatus>, actors: Set<String>)] = [
        (.accept(note: nil), [.submitted], ["operator", "dispatcher"]),
        (.dispatch(departmentID: F.unit, note: nil), [.received], ["operator", "dispatcher"]),
        (
            .redispatch(departmentID: F.otherUnit, reason: "职责不符"),
            // The system redispatches the orders of a unit being disabled (Features/Units).
            [.returned, .dispatched, .signed, .arrived, .inProgress, .reopened], ["dispatcher", "system"]
        ),
        (.sign, [.dispatched, .reopened], unitRoles),
        (.assign(assigneeID: F.uuid(0xE1)), handling, ["departmentLead", "communityStaff"]),
        (.returnOrder(reason: "不属于本单位"), [.dispatched, .signed], unitRoles),
        (.approveReturn(note: nil), [.returned], ["dispatcher"]),
        (.refuseReturn(reason: "属于本单位职责"), [.returned], ["dispatcher"]),
        (
            .appealAssessment(kind: .malicious, reason: "同一人一月内第五次无理投诉", photoIDs: []),
            [.dispatched, .signed, .arrived, .inProgress, .completed, .verifying, .reviewed, .evaluated, .reopened, .shelved, .closed],
            unitRoles.union(["dispatcher"])
        ),
        (
            .decideAppeal(approved: true, note: nil),
            [.dispatched, .signed, .arrived, .inProgress, .completed, .verifying, .reviewed, .evaluated, .reopened, .shelved, .closed],
            ["supervisor"]
        ),
        (.arrive(location: nil), [.signed], unitRoles),
        (.startProgress, [.signed, .arrived], unitRoles),
        (
            .addProgressNote(note: "已联系诉求人", photoIDs: []), handling.union([.shelved]),
            unitRoles.union(["dispatcher", "supervisor"])
        ),
        (.requestExtension(extra: .workingDays(2), reason: "等待材料"), handling, unitRoles),
        (.approveExtension(note: nil), handling, ["dispatcher", "supervisor", "leader"]),
        (.refuseExtension(reason: "理由不充分"), handling, ["dispatcher", "supervisor", "leader"]),
        (.complete(note: "已处理", photoIDs: [F.photo]), handling, unitRoles),
        (.review(approved: true, note: nil), [.completed], ["dispatcher", "supervisor"]),
        (
            .verify(passed: true, location: GeoPoint(lon: 117.94, lat: 28.45), photoIDs: [F.photo], note: nil), [.verifying],
            ["supervisor", "gridMember"]
        ),
        (
            .revisit(Evaluation(satisfaction: .satisfied, solved: true)), [.completed, .reviewed],
            ["operator", "dispatcher", "system", "resident"]
        ),
        (.reopen(reason: "问题复发"), [.evaluated, .closed], ["operator", "dispatcher", "supervisor", "leader", "resident"]),
        (.close(note: "多次联系不上诉求人"), [.completed, .reviewed, .evaluated], ["operator", "dispatcher", "supervisor", "system"]),
        (.merge(parentID: F.parentID), [.submitted, .received, .returned, .dispatched], ["operator", "dispatcher", "system"]),
        (.shelve(reason: "需纳入预算"), beforeWork, ["dispatcher", "supervisor", "leader"]),
        (.unshelve(note: nil), [.shelved], ["dispatcher", "supervisor", "leader"]),
        (
            .cancel(reason: "恶意骚扰"), [.submitted, .received, .returned, .dispatched],
            ["operator", "dispatcher", "supervisor", "resident"]
        ),
        (.pauseForRequester(reason: "等待诉求人提供材料"), handling, unitRoles),
        (.resume, handling, unitRoles.union(["dispatcher", "supervisor"])),
        (.remind(note: "请尽快办理"), live, ["dispatcher", "supervisor", "leader", "system"]),
        (
            .addInformation(note: "补充：路灯编号 A-17", photoIDs: [F.photo]),
            [.submitted, .received, .dispatched, .returned, .signed, .arrived, .inProgress, .reopened, .shelved],
            ["operator", "dispatcher", "resident"]
        ),
        (.supervise(deadline: nil, note: "列入督办"), live, ["supervisor", "leader", "system"]),
        (.escalate(reason: "社区无法解决"), beforeWork, unitRoles.union(["dispatcher", "supervisor", "leader"])),
        (.answerDirectly(answer: "带身份证到窗口办理", knowledgeEntryID: nil, requestKind: .inquiry), [.submitted, .received], ["operator", "dispatcher"]),
        (.addAssists(departmentIDs: [F.otherUnit], note: nil), joint, ["dispatcher"]),
        (.signAssist, joint, unitRoles),
        (.reportAssist(note: "已配合清理", photoIDs: []), joint, unitRoles),
        (.requestAssistRelease(reason: "不属于本单位职责"), joint, unitRoles),
        (.decideAssistRelease(departmentID: F.otherUnit, approved: true, note: nil), joint, ["dispatcher"]),
        (.waiveAssist(departmentID: F.otherUnit, reason: "主办单位已能办结"), joint, ["dispatcher"]),
    ]
    /// Where a joint order's assisting parts are worked on.
    static let joint: Set<WorkOrderStatus> = [.dispatched, .returned, .signed, .arrived, .inProgress, .reopened]

    static let everyActor: [WorkOrderActor] = Role.allCases.map { F.staff($0) } + [.system, F.resident]

    @Test func theSamplesCoverEveryAction() {
        #expect(Set(Self.samples.map(\.0.kind)) == Set(WorkOrderActionKind.allCases).subtracting([.create]))
    }

    @Test(arguments: WorkOrderStatus.allCases)
    func eachActionAppliesOnlyInItsStatuses(status: WorkOrderStatus) throws {
        let state = try F.order(in: status)
        for (action, statuses, actors) in Self.samples {
            let actor = try #require(Self.everyActor.first { actors.contains($0.kind.rawValue) })
            let refusal = Self.refusal(of: action, to: state, by: actor)
            if statuses.contains(status) {
                if case .notAllowedInStatus = refusal { Issue.record("\(action.kind) refused in \(status)") }
            } else {
                #expect(refusal == .notAllowedInStatus(action: action.kind, status: status), "\(action.kind) in \(status)")
            }
        }
    }

    @Test func eachActionIsTakenOnlyByItsActors() throws {
        for (action, statuses, actors) in Self.samples {
            let status = try #require(
                WorkOrderStatus.allCases.first { statuses.contains($0) && ($0 != .returned || statuses == [.returned]) })
            let state = try F.order(in: status)
            for actor in Self.everyActor {
                let refusal = Self.refusal(of: action, to: state, by: actor)
                if actors.contains(actor.kind.rawValue) {
                    #expect(refusal != .notPermitted(action: action.kind, actor: actor.kind), "\(actor.kind) \(action.kind)")
                } else {
                    #expect(refusal == .notPermitted(action: action.kind, actor: actor.kind), "\(actor.kind) \(action.kind)")
                }
            }
        }
    }

    @Test func administratorRolesNeverTouchWorkOrders() throws {
        let state = try F.order(in: .received)
        for role in [Role.admin, .securityAdmin, .auditor] {
            #expect(throws: TransitionError.notPermitted(action: .dispatch, actor: .staff(role))) {
                try WorkOrderMachine.apply(.dispatch(departmentID: F.unit, note: nil), to: state, by: F.staff(role), at: F.start)
            }
            #expect(throws: TransitionError.notPermitted(action: .create, actor: .staff(role))) {
                try WorkOrderMachine.create(WorkOrderIntake(orderID: F.orderID), by: F.staff(role), at: F.start)
            }
        }
    }

    @Test func unitMembersActOnlyOnTheirOwnUnitsOrders() throws {
        let state = try F.order(in: .dispatched)
        #expect(throws: TransitionError.notAssignedUnit(action: .sign)) {
            try WorkOrderMachine.apply(.sign, to: state, by: F.outsider, at: F.start)
        }
        let unattached = WorkOrderActor.staff(.gridMember, id: F.uuid(0xB9))
        #expect(throws: TransitionError.notAssignedUnit(action: .sign)) {
            try WorkOrderMachine.apply(.sign, to: state, by: unattached, at: F.start)
        }
        let member = WorkOrderActor.staff(.gridMember, id: F.uuid(0xB9), departmentID: F.unit)
        #expect(try WorkOrderMachine.apply(.sign, to: state, by: member, at: F.start).state.assigneeID == F.uuid(0xB9))
    }

    /// The error `action` meets, or nil when it is accepted.
    /// The actions a page offers are exactly those whose who/status/unit/pause checks pass: an offered
    /// sample never meets a guard refusal, and a sample that is not offered is refused.
    @Test(arguments: WorkOrderStatus.allCases)
    func pagesOfferExactlyWhatTheGuardsAllow(status: WorkOrderStatus) throws {
        let state = try F.order(in: status)
        for actor in Self.everyActor + [F.staff(.departmentHandler, in: F.otherUnit)] {
            // Without a phone to call back, the offer table is the guard table (with one, 结案 waits for 回访).
            let offered = Set(WorkOrderMachine.offeredActions(in: state, to: actor, revisitPossible: false))
            for (action, _, _) in Self.samples {
                let refusal = Self.refusal(of: action, to: state, by: actor)
                if offered.contains(action.kind) {
                    switch refusal {
                    case .notPermitted?, .notAllowedInStatus?, .notAssignedUnit?, .pausedForRequester?, .noPendingExtension?, .notPaused?,
                        .noPendingReturn?, .noPendingAppeal?, .appealNotPossible?:
                        Issue.record("\(action.kind) offered to \(actor.kind) in \(status) but refused: \(String(describing: refusal))")
                    default: break
                    }
                } else {
                    #expect(refusal != nil, "\(action.kind) not offered to \(actor.kind) in \(status) but allowed")
                }
            }
        }
    }

    static func refusal(of action: WorkOrderAction, to state: WorkOrderState, by actor: WorkOrderActor) -> TransitionError? {
        do {
            _ = try WorkOrderMachine.apply(action, to: state, by: actor, at: F.start.addingTimeInterval(3_600))
            return nil
        } catch {
            return error
        }
    }
}
