import Foundation
import Testing
@testable import LianxinCore

private typealias F = WorkOrderFixture

/// Issue 19: a consultation answered on the call is closed at once (直接办结), and a completion carries the reply the
/// resident sees apart from the internal note.
@Suite("Direct answer and public reply")
struct DirectAnswerTests {
    static let entry = F.uuid(0xE1)

    @Test func anInquiryAnsweredOnTheCallIsClosedWithTheAnswerAndItsEntry() throws {
        for steps in [F.steps(to: .submitted), F.steps(to: .received)] {
            let (state, events) = try F.walk(
                steps + [(.answerDirectly(answer: "  带身份证到社保窗口办理。 ", knowledgeEntryID: Self.entry, requestKind: .inquiry), F.operatorStaff)])
            let last = try #require(events.last)
            #expect(last.kind == .answeredDirectly && last.to == .closed)
            #expect(last.note == "带身份证到社保窗口办理。")
            #expect(last.payload.publicReply == "带身份证到社保窗口办理。" && last.payload.knowledgeEntryID == Self.entry)
            #expect(state.status == .closed && state.answeredDirectly == true && state.knowledgeEntryID == Self.entry)
            #expect(state.closedAt == last.at && state.completedAt == last.at)
            #expect(try WorkOrderState.rebuild(from: events) == state, "the state is a projection of the events")
        }
    }

    @Test func onlyAnInquiryByTheHotlineMayBeAnsweredDirectlyAndOnlyBeforeDispatch() throws {
        let submitted = try F.order(in: .submitted)
        #expect(throws: TransitionError.notAnInquiry(.complaint)) {
            try WorkOrderMachine.apply(
                .answerDirectly(answer: "答复", knowledgeEntryID: nil, requestKind: .complaint), to: submitted, by: F.operatorStaff, at: F.start)
        }
        #expect(throws: TransitionError.reasonRequired(action: .answerDirectly)) {
            try WorkOrderMachine.apply(
                .answerDirectly(answer: "  ", knowledgeEntryID: nil, requestKind: .inquiry), to: submitted, by: F.operatorStaff, at: F.start)
        }
        #expect(throws: TransitionError.notPermitted(action: .answerDirectly, actor: .staff(.departmentHandler))) {
            try WorkOrderMachine.apply(
                .answerDirectly(answer: "答复", knowledgeEntryID: nil, requestKind: .inquiry), to: submitted, by: F.handler, at: F.start)
        }
        let dispatched = try F.order(in: .dispatched)
        #expect(throws: TransitionError.notAllowedInStatus(action: .answerDirectly, status: .dispatched)) {
            try WorkOrderMachine.apply(
                .answerDirectly(answer: "答复", knowledgeEntryID: nil, requestKind: .inquiry), to: dispatched, by: F.dispatcher, at: F.start)
        }
        #expect(throws: Never.self) {
            try WorkOrderMachine.checkDirectAnswer(by: F.dispatcher, requestKind: .inquiry, answer: "答复")
        }
        #expect(WorkOrderMachine.offeredActions(in: submitted, to: F.operatorStaff).contains(.answerDirectly))
        #expect(!WorkOrderMachine.offeredActions(in: dispatched, to: F.dispatcher).contains(.answerDirectly))
    }

    @Test func aDirectAnswerStopsTheIntakeClockAndDropsTheOthers() throws {
        let (_, events) = try F.walk([(.answerDirectly(answer: "答复", knowledgeEntryID: nil, requestKind: .inquiry), F.operatorStaff)])
        let effects = try #require(events.last).clockEffects
        #expect(effects.first == .stop(.create))
        #expect(effects.contains(.discard(.complete)) && !effects.contains(.start(.feedback)))
    }

    @Test func aCompletionCarriesThePublicReplyApartFromTheInternalNote() throws {
        let (state, events) = try F.walk(
            F.steps(to: .inProgress) + [(.complete(note: "内部：已联系物业", photoIDs: [], publicReply: " 路灯已修复，感谢反映。 "), F.handler)])
        let last = try #require(events.last)
        #expect(last.note == "内部：已联系物业" && last.payload.publicReply == "路灯已修复，感谢反映。")
        #expect(state.publicReply == "路灯已修复，感谢反映。")
        let (plain, _) = try F.walk(F.steps(to: .inProgress) + [(.complete(note: "已修复", photoIDs: []), F.handler)])
        #expect(plain.publicReply == nil, "no reply written, none shown")
    }
}
