import Foundation
import Testing
@testable import LianxinCore

@Suite struct WorkOrderLifecycleTests {
    typealias F = WorkOrderFixture

    @Test func anOrderGoesFromSubmissionToClosing() throws {
        let (state, events) = try F.walk(F.steps(to: .closed))
        #expect(events.map(\.kind) == [.created, .accepted, .dispatched, .signed, .progressStarted, .completed, .evaluated, .closed])
        #expect(events.map(\.to) == [.submitted, .received, .dispatched, .signed, .inProgress, .completed, .evaluated, .closed])
        #expect(events.map(\.sequence) == Array(1...8))
        #expect(zip(events.dropFirst(), events).allSatisfy { $0.from == $1.to })
        #expect(state.status == .closed && state.version == 8)
        #expect(state.departmentID == F.unit && state.assigneeID == F.handler.id)
        #expect(state.completedAt == F.start.addingTimeInterval(5 * 60))
        #expect(state.closedAt == F.start.addingTimeInterval(7 * 60))
        #expect(state.evaluation == Evaluation(satisfaction: .satisfied, solved: true))
        #expect(events[5].note == "已修复" && events[5].payload.photoIDs == [F.photo])
        #expect(events[2].actor == F.dispatcher && events[2].payload.departmentID == F.unit)
    }

    @Test func returningAnOrderNeedsAReasonAndWaitsForTheDispatcher() throws {
        let dispatched = try F.order(in: .dispatched)
        #expect(throws: TransitionError.reasonRequired(action: .returnOrder)) {
            try WorkOrderMachine.apply(.returnOrder(reason: "  "), to: dispatched, by: F.handler, at: F.start)
        }
        let returned = try WorkOrderMachine.apply(
            .returnOrder(reason: " 属于供水公司 ", reasonCode: "not_our_duty"), to: dispatched, by: F.handler, at: F.start)
        #expect(returned.state.status == .returned && returned.event.kind == .returnRequested)
        // The unit keeps the order until the dispatcher decides.
        #expect(returned.state.departmentID == F.unit && returned.state.returnedByDepartmentID == F.unit)
        #expect(returned.state.isReturnPending && returned.state.statusBeforeReturn == .dispatched)
        #expect(returned.state.returnReason == "属于供水公司" && returned.event.note == "属于供水公司")
        #expect(returned.state.returnReasonCode == "not_our_duty" && returned.event.payload.returnReasonCode == "not_our_duty")
        #expect(WorkOrderMachine.offeredActions(in: returned.state, to: F.dispatcher).contains(.refuseReturn))
        #expect(WorkOrderMachine.offeredActions(in: returned.state, to: F.handler).isEmpty)
        // Redispatching a waiting return approves it and sends the order on.
        let redispatched = try WorkOrderMachine.apply(
            .redispatch(departmentID: F.otherUnit, reason: "改派供水公司"), to: returned.state, by: F.dispatcher, at: F.start)
        #expect(redispatched.state.status == .dispatched && redispatched.state.departmentID == F.otherUnit)
        #expect(redispatched.state.returnReason == "属于供水公司" && !redispatched.state.isReturnPending)
        #expect(throws: TransitionError.sameDepartment) {
            try WorkOrderMachine.apply(
                .redispatch(departmentID: F.otherUnit, reason: "再派"), to: redispatched.state,
                by: F.dispatcher, at: F.start)
        }
    }

    @Test func item04_aRefusedReturnGoesBackToTheUnitAsItWas() throws {
        let signed = try F.order(in: .signed)
        let returned = try WorkOrderMachine.apply(.returnOrder(reason: "不属于本单位"), to: signed, by: F.handler, at: F.start)
        #expect(throws: TransitionError.notPermitted(action: .refuseReturn, actor: .staff(.departmentHandler))) {
            try WorkOrderMachine.apply(.refuseReturn(reason: "属于你单位"), to: returned.state, by: F.handler, at: F.start)
        }
        #expect(throws: TransitionError.reasonRequired(action: .refuseReturn)) {
            try WorkOrderMachine.apply(.refuseReturn(reason: " "), to: returned.state, by: F.dispatcher, at: F.start)
        }
        let refused = try WorkOrderMachine.apply(
            .refuseReturn(reason: "路灯归城管局管理"), to: returned.state, by: F.dispatcher, at: F.start)
        #expect(refused.event.kind == .returnRefused && refused.event.note == "路灯归城管局管理")
        #expect(refused.state.status == .signed && refused.state.departmentID == F.unit)
        #expect(refused.state.assigneeID == signed.assigneeID && !refused.state.isReturnPending)
        #expect(refused.event.clockEffects.isEmpty)
        // Nothing is waiting any more.
        #expect(throws: TransitionError.notAllowedInStatus(action: .refuseReturn, status: .signed)) {
            try WorkOrderMachine.apply(.refuseReturn(reason: "再驳回"), to: refused.state, by: F.dispatcher, at: F.start)
        }
    }

    @Test func item06_anApprovedAppealLeavesTheAssessmentAndARefusalNeedsANote() throws {
        let closed = try F.order(in: .closed)
        let filed = try WorkOrderMachine.apply(
            .appealAssessment(kind: .malicious, reason: "同一号码一周内第六次反映同一事项", photoIDs: [F.photo]), to: closed, by: F.handler,
            at: F.start)
        #expect(filed.event.kind == .appealFiled && filed.state.status == .closed && filed.state.pendingAppeal == .malicious)
        #expect(filed.event.payload.photoIDs == [F.photo] && filed.event.clockEffects.isEmpty)
        #expect(throws: TransitionError.appealNotPossible) {
            try WorkOrderMachine.apply(.appealAssessment(kind: .repeated, reason: "再申请", photoIDs: []), to: filed.state, by: F.handler, at: F.start)
        }
        #expect(throws: TransitionError.notPermitted(action: .decideAppeal, actor: .staff(.departmentHandler))) {
            try WorkOrderMachine.apply(.decideAppeal(approved: true, note: nil), to: filed.state, by: F.handler, at: F.start)
        }
        #expect(throws: TransitionError.reasonRequired(action: .decideAppeal)) {
            try WorkOrderMachine.apply(.decideAppeal(approved: false, note: " "), to: filed.state, by: F.supervisor, at: F.start)
        }
        let refused = try WorkOrderMachine.apply(.decideAppeal(approved: false, note: "证据不足"), to: filed.state, by: F.supervisor, at: F.start)
        #expect(refused.state.pendingAppeal == nil && refused.state.exemptedFromAssessment == nil)
        // After a refusal the unit may appeal again, with better evidence.
        let again = try WorkOrderMachine.apply(
            .appealAssessment(kind: .malicious, reason: "补充通话录音", photoIDs: []), to: refused.state, by: F.handler, at: F.start)
        let approved = try WorkOrderMachine.apply(.decideAppeal(approved: true, note: nil), to: again.state, by: F.supervisor, at: F.start)
        #expect(approved.state.exemptedFromAssessment == .malicious && approved.state.status == .closed)
        #expect(!WorkOrderMachine.offeredActions(in: approved.state, to: F.handler).contains(.appealAssessment))
        // Another unit may not appeal the order.
        #expect(throws: TransitionError.notAssignedUnit(action: .appealAssessment)) {
            try WorkOrderMachine.apply(.appealAssessment(kind: .repeated, reason: "x", photoIDs: []), to: closed, by: F.outsider, at: F.start)
        }
    }

    @Test func item04_anApprovedReturnWaitsForRedispatchWithoutTheUnit() throws {
        let dispatched = try F.order(in: .dispatched)
        let returned = try WorkOrderMachine.apply(.returnOrder(reason: "不属于本单位"), to: dispatched, by: F.handler, at: F.start)
        let approved = try WorkOrderMachine.apply(.approveReturn(note: nil), to: returned.state, by: F.dispatcher, at: F.start)
        #expect(approved.event.kind == .returnApproved && approved.state.status == .returned)
        #expect(approved.state.departmentID == nil && !approved.state.isReturnPending)
        #expect(approved.state.returnedByDepartmentID == F.unit)
        #expect(throws: TransitionError.noPendingReturn) {
            try WorkOrderMachine.apply(.approveReturn(note: nil), to: approved.state, by: F.dispatcher, at: F.start)
        }
        #expect(!WorkOrderMachine.offeredActions(in: approved.state, to: F.dispatcher).contains(.refuseReturn))
        let again = try WorkOrderMachine.apply(
            .redispatch(departmentID: F.otherUnit, reason: "改派"), to: approved.state, by: F.dispatcher, at: F.start)
        #expect(again.state.departmentID == F.otherUnit && again.state.status == .dispatched)
    }

    @Test(arguments: [
        Evaluation(satisfaction: .dissatisfied, solved: true),
        Evaluation(satisfaction: .satisfied, solved: false),
        Evaluation(satisfaction: .basicallySatisfied, solved: false, comment: "只修了一半"),
    ])
    func anUnhappyEvaluationReopensToTheSameUnitWithRaisedPriority(evaluation: Evaluation) throws {
        let completed = try F.order(in: .completed)
        let revisit = try WorkOrderMachine.apply(.revisit(evaluation), to: completed, by: F.operatorStaff, at: F.start)
        #expect(revisit.event.kind == .evaluated && revisit.event.to == .reopened)
        #expect(revisit.state.status == .reopened && revisit.state.departmentID == F.unit)
        #expect(revisit.state.priority == .urgent && revisit.state.reopenCount == 1)
        #expect(revisit.state.evaluation == evaluation && revisit.state.completedAt == nil)
        #expect(try WorkOrderMachine.apply(.sign, to: revisit.state, by: F.handler, at: F.start).state.status == .signed)
    }

    @Test func raisingPriorityStopsAtVeryUrgent() throws {
        let unhappy = Evaluation(satisfaction: .dissatisfied, solved: false)
        let redo: [(WorkOrderAction, WorkOrderActor)] = [
            (.sign, F.handler), (.complete(note: "再次处理", photoIDs: []), F.handler), (.revisit(unhappy), .system),
        ]
        let steps = F.steps(to: .completed) + [(.revisit(unhappy), F.operatorStaff)] + redo + redo + redo
        let state = try F.walk(steps).state
        #expect(state.priority == .veryUrgent && state.reopenCount == 4)
        #expect(Priority.normal.raised() == .urgent && Priority.veryUrgent.raised() == .veryUrgent)
    }

    @Test func mergedDuplicatesCloseWithTheirParent() throws {
        let parent = try F.walk(F.steps(to: .evaluated), id: F.parentID).state
        #expect(parent.acceptsMergedChildren)
        let children = try [F.uuid(0x11), F.uuid(0x12)].map {
            try F.walk(F.steps(to: .received) + [(.merge(parentID: F.parentID), F.operatorStaff)], id: $0).state
        }
        let stranger = try F.walk(F.steps(to: .received) + [(.merge(parentID: F.uuid(0x99)), F.operatorStaff)], id: F.uuid(0x13)).state
        #expect(children.allSatisfy { $0.status == .merged && $0.parentID == F.parentID })
        let close = try WorkOrderMachine.apply(.close(note: nil), to: parent, by: F.operatorStaff, at: F.start)
        #expect(!close.state.acceptsMergedChildren)
        let followUps = WorkOrderMachine.followUps(of: close.event, children: children + [stranger])
        #expect(followUps.map(\.event.kind) == [.closedWithParent, .closedWithParent])
        #expect(followUps.map(\.event.orderID) == [F.uuid(0x11), F.uuid(0x12)])
        #expect(
            followUps.allSatisfy {
                $0.state.status == .closed && $0.event.actor == .system && $0.event.at == F.start
                    && $0.event.payload.parentID == F.parentID && $0.event.sequence == 4
            })
        #expect(WorkOrderMachine.followUps(of: followUps[0].event, children: []).isEmpty)
        let accepted = try F.walk(F.steps(to: .received)).events.last!
        #expect(WorkOrderMachine.followUps(of: accepted, children: children).isEmpty)
        #expect(throws: TransitionError.mergeIntoItself) {
            try WorkOrderMachine.apply(.merge(parentID: F.orderID), to: F.order(in: .received), by: F.operatorStaff, at: F.start)
        }
    }

    @Test func shelvingRemembersWhereTheOrderWas() throws {
        let shelved = try F.order(in: .shelved)
        #expect(shelved.isShelved && shelved.statusBeforeShelve == .inProgress && shelved.shelveReason == "需纳入明年预算")
        #expect(!WorkOrderStatus.shelved.isOpen && !WorkOrderStatus.shelved.isFinal)
        let back = try WorkOrderMachine.apply(.unshelve(note: "预算已落实"), to: shelved, by: F.leader, at: F.start)
        #expect(back.state.status == .inProgress && back.event.to == .inProgress)
        #expect(back.state.statusBeforeShelve == nil && back.state.shelveReason == nil)
    }

    @Test func waitingOnTheRequesterBlocksWorkUntilResumed() throws {
        let paused = try F.walk(F.steps(to: .inProgress) + [(.pauseForRequester(reason: "等待提供房产证明"), F.handler)]).state
        #expect(paused.isPaused && paused.pausedSince == F.start.addingTimeInterval(5 * 60))
        #expect(throws: TransitionError.pausedForRequester(action: .complete)) {
            try WorkOrderMachine.apply(.complete(note: "办结", photoIDs: []), to: paused, by: F.handler, at: F.start)
        }
        #expect(throws: TransitionError.pausedForRequester(action: .pauseForRequester)) {
            try WorkOrderMachine.apply(.pauseForRequester(reason: "again"), to: paused, by: F.handler, at: F.start)
        }
        let noted = try WorkOrderMachine.apply(.addProgressNote(note: "已电话提醒", photoIDs: []), to: paused, by: F.handler, at: F.start)
        let resumeAt = F.start.addingTimeInterval(3_600)
        let resumed = try WorkOrderMachine.apply(.resume, to: noted.state, by: F.handler, at: resumeAt).state
        #expect(!resumed.isPaused && resumed.pauses == [ClockPause(start: paused.pausedSince!, end: resumeAt)])
        #expect(throws: TransitionError.notPaused) { try WorkOrderMachine.apply(.resume, to: resumed, by: F.handler, at: resumeAt) }
    }

    @Test func informationFromTheRequesterEndsTheWaitAndRestartsTheClocks() throws {
        let paused = try F.walk(F.steps(to: .inProgress) + [(.pauseForRequester(reason: "等待提供照片"), F.handler)]).state
        let at = F.start.addingTimeInterval(7_200)
        let added = try WorkOrderMachine.apply(.addInformation(note: "照片已上传", photoIDs: [F.photo]), to: paused, by: F.resident, at: at)
        #expect(added.event.kind == .informationAdded && added.event.payload.resumed == true && added.event.payload.photoIDs == [F.photo])
        #expect(added.event.clockEffects == [.resumeAll])
        #expect(!added.state.isPaused && added.state.pauses == [ClockPause(start: paused.pausedSince!, end: at)])
        #expect(added.state.status == .inProgress)
        // Outside a wait it is a note on the record and leaves the clocks alone.
        let again = try WorkOrderMachine.apply(.addInformation(note: "补充地址", photoIDs: []), to: added.state, by: F.resident, at: at)
        #expect(again.event.payload.resumed == nil && again.event.clockEffects.isEmpty)
        #expect(throws: TransitionError.self) {
            try WorkOrderMachine.apply(.addInformation(note: "  ", photoIDs: []), to: added.state, by: F.resident, at: at)
        }
    }

    @Test func extensionsAreRequestedOnceAndAnswered() throws {
        let signed = try F.order(in: .signed)
        #expect(throws: TransitionError.invalidExtension(.workingDays(0))) {
            try WorkOrderMachine.apply(.requestExtension(extra: .workingDays(0), reason: "x"), to: signed, by: F.handler, at: F.start)
        }
        #expect(throws: TransitionError.noPendingExtension) {
            try WorkOrderMachine.apply(.approveExtension(note: nil), to: signed, by: F.supervisor, at: F.start)
        }
        let requested = try WorkOrderMachine.apply(
            .requestExtension(extra: .workingDays(2), reason: "需协调施工方"), to: signed, by: F.handler, at: F.start
        ).state
        #expect(
            requested.pendingExtension
                == ExtensionRequest(
                    extra: .workingDays(2), reason: "需协调施工方", requestedAt: F.start, requestedBy: F.handler.id))
        #expect(throws: TransitionError.extensionPending) {
            try WorkOrderMachine.apply(.requestExtension(extra: .workingDays(1), reason: "x"), to: requested, by: F.handler, at: F.start)
        }
        let approved = try WorkOrderMachine.apply(.approveExtension(note: "同意"), to: requested, by: F.supervisor, at: F.start)
        #expect(approved.state.pendingExtension == nil && approved.state.approvedExtensions == [.workingDays(2)])
        #expect(approved.event.payload.extra == .workingDays(2))
        let refused = try WorkOrderMachine.apply(.refuseExtension(reason: "理由不足"), to: requested, by: F.dispatcher, at: F.start)
        #expect(refused.state.pendingExtension == nil && refused.state.approvedExtensions.isEmpty)
    }

    @Test func reviewCanBeRequiredBeforeTheRevisit() throws {
        let rules = WorkOrderRules(requiresReview: true)
        let completed = try F.order(in: .completed, rules: rules)
        let satisfied = Evaluation(satisfaction: .satisfied, solved: true)
        #expect(throws: TransitionError.reviewRequired) {
            try WorkOrderMachine.apply(.revisit(satisfied), to: completed, by: F.operatorStaff, at: F.start, rules: rules)
        }
        #expect(throws: TransitionError.reviewRequired) {
            try WorkOrderMachine.apply(.close(note: "联系不上"), to: completed, by: F.dispatcher, at: F.start, rules: rules)
        }
        #expect(throws: TransitionError.reasonRequired(action: .review)) {
            try WorkOrderMachine.apply(.review(approved: false, note: nil), to: completed, by: F.dispatcher, at: F.start, rules: rules)
        }
        let rejected = try WorkOrderMachine.apply(
            .review(approved: false, note: "缺少现场照片"), to: completed,
            by: F.dispatcher, at: F.start, rules: rules)
        #expect(rejected.state.status == .inProgress && rejected.state.completedAt == nil)
        let passed = try WorkOrderMachine.apply(
            .review(approved: true, note: nil), to: completed, by: F.supervisor,
            at: F.start, rules: rules)
        let visited = try WorkOrderMachine.apply(.revisit(satisfied), to: passed.state, by: .system, at: F.start, rules: rules)
        #expect(visited.state.status == .evaluated)
    }

    @Test func closingWithoutAnEvaluationNeedsANote() throws {
        let completed = try F.order(in: .completed)
        #expect(throws: TransitionError.reasonRequired(action: .close)) {
            try WorkOrderMachine.apply(.close(note: nil), to: completed, by: F.dispatcher, at: F.start)
        }
        let closed = try WorkOrderMachine.apply(.close(note: "三次回访未接通"), to: completed, by: F.dispatcher, at: F.start)
        #expect(closed.state.status == .closed && closed.event.note == "三次回访未接通")
    }

    @Test func residentsReopenOnlyWithinTheWindow() throws {
        let closed = try F.order(in: .closed)
        let closedAt = try #require(closed.closedAt)
        let sixDays = closedAt.addingTimeInterval(6 * 86_400)
        let reopened = try WorkOrderMachine.apply(.reopen(reason: "又坏了"), to: closed, by: F.resident, at: sixDays)
        #expect(reopened.state.status == .reopened && reopened.state.closedAt == nil && reopened.state.priority == .urgent)
        #expect(throws: TransitionError.reopenWindowClosed) {
            try WorkOrderMachine.apply(.reopen(reason: "又坏了"), to: closed, by: F.resident, at: closedAt.addingTimeInterval(8 * 86_400))
        }
        let staffLater = try WorkOrderMachine.apply(
            .reopen(reason: "媒体曝光"), to: closed, by: F.supervisor,
            at: closedAt.addingTimeInterval(30 * 86_400))
        #expect(staffLater.state.reopenCount == 1)
    }

    @Test func residentsMayWithdrawOnlyBeforeDispatch() throws {
        #expect(
            try WorkOrderMachine.apply(.cancel(reason: "已自行解决"), to: F.order(in: .received), by: F.resident, at: F.start)
                .state.cancelReason == "已自行解决")
        #expect(throws: TransitionError.notAllowedInStatus(action: .cancel, status: .dispatched)) {
            try WorkOrderMachine.apply(.cancel(reason: "已自行解决"), to: F.order(in: .dispatched), by: F.resident, at: F.start)
        }
    }

    @Test func escalationClimbsOneLevelAtATimeUpToTheCity() throws {
        var state = try F.order(in: .inProgress)
        #expect(state.handlingLevel == .community)
        for level in [DivisionLevel.township, .county, .city] {
            let actor = state.status == .received ? F.dispatcher : F.handler
            let step = try WorkOrderMachine.apply(.escalate(reason: "本级无法解决"), to: state, by: actor, at: F.start)
            #expect(step.state.handlingLevel == level && step.state.status == .received && step.state.departmentID == nil)
            #expect(step.event.payload.handlingLevel == level)
            state = step.state
        }
        #expect(throws: TransitionError.highestLevelReached(.city)) {
            try WorkOrderMachine.apply(.escalate(reason: "再提级"), to: state, by: F.leader, at: F.start)
        }
        #expect(Tier.major.defaultHandlingLevel == .county)
    }

    @Test func supervisingAgainRaisesTheSupervision() throws {
        let state = try F.order(in: .signed)
        #expect(!state.isSupervised)
        #expect(throws: TransitionError.invalidDeadline) {
            try WorkOrderMachine.apply(.supervise(deadline: F.start, note: "督办"), to: state, by: F.supervisor, at: F.start)
        }
        let deadline = F.start.addingTimeInterval(86_400)
        let once = try WorkOrderMachine.apply(.supervise(deadline: deadline, note: "列入督办"), to: state, by: F.supervisor, at: F.start)
        #expect(once.state.isSupervised && once.state.supervisionLevel == 1 && once.state.supervisionDeadline == deadline)
        let twice = try WorkOrderMachine.apply(.supervise(deadline: nil, note: "提级督办"), to: once.state, by: F.leader, at: F.start)
        #expect(twice.state.supervisionLevel == 2 && twice.event.payload.supervisionLevel == 2)
        let reminded = try WorkOrderMachine.apply(.remind(note: "请加快"), to: twice.state, by: F.dispatcher, at: F.start)
        #expect(reminded.state.reminderCount == 1 && reminded.state.status == .signed)
    }

    @Test func anOnSiteCheckInMustBeARealPosition() throws {
        let signed = try F.order(in: .signed)
        #expect(throws: TransitionError.invalidLocation) {
            try WorkOrderMachine.apply(.arrive(location: GeoPoint(lon: 200, lat: 25)), to: signed, by: F.handler, at: F.start)
        }
        let arrived = try WorkOrderMachine.apply(.arrive(location: GeoPoint(lon: 114.92, lat: 25.85)), to: signed, by: F.handler, at: F.start)
        #expect(arrived.event.payload.location == GeoPoint(lon: 114.92, lat: 25.85))
    }

    @Test func refusalsExplainThemselvesInBothLanguages() {
        let errors: [TransitionError] = [
            .notPermitted(action: .dispatch, actor: .resident), .notAssignedUnit(action: .sign),
            .notAllowedInStatus(action: .sign, status: .closed), .pausedForRequester(action: .complete), .notPaused,
            .reasonRequired(action: .returnOrder), .invalidLocation, .invalidExtension(.minutes(0)), .extensionPending,
            .noPendingExtension, .reviewRequired, .reopenWindowClosed, .sameDepartment, .mergeIntoItself,
            .invalidDeadline, .highestLevelReached(.city),
        ]
        #expect(Set(errors.map(\.code)).count == errors.count)
        #expect(errors.allSatisfy { !$0.message(english: true).isEmpty && !$0.message(english: false).isEmpty })
        #expect(
            TransitionError.notAllowedInStatus(action: .sign, status: .closed).message(english: false)
                == "工单处于“已结案”状态，不能执行“签收”。")
        #expect(
            TransitionError.notAllowedInStatus(action: .sign, status: .closed).message(english: true)
                == "Cannot sign an order that is closed.")
        #expect(TransitionError.notPermitted(action: .dispatch, actor: .resident).category == .permission)
        #expect(TransitionError.notAllowedInStatus(action: .sign, status: .closed).category == .conflict)
        #expect(TransitionError.reasonRequired(action: .cancel).category == .invalidInput)
    }
}
