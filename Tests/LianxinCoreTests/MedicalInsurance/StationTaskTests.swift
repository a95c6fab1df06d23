import Testing
@testable import LianxinCore

@Suite("前沿哨兵: station tasks' guard table, checklists as data, completion checks, the lead a finding raises")
struct StationTaskTests {
    @Test func aTaskIsDoneOrCancelledOnceAndReassignedOnlyWhileOpen() {
        #expect(StationTask.apply(.complete, to: .assigned) == .done)
        #expect(StationTask.apply(.cancel, to: .assigned) == .cancelled)
        #expect(StationTask.apply(.assign, to: .assigned) == .assigned, "another worker may take it over")
        for action in StationTask.Action.allCases {
            #expect(StationTask.apply(action, to: .done) == nil && StationTask.apply(action, to: .cancelled) == nil, "\(action)")
        }
    }

    @Test func everyKindHasItsChecklistAndTheFocusedCheckLooksForALiableThirdParty() {
        for kind in StationTask.Kind.allCases {
            let items = StationTask.checklists[kind] ?? []
            #expect(items.count >= 4 && Set(items).count == items.count, "\(kind)")
        }
        #expect(StationTask.checklists[.focusedCheck]?.contains("third-party") == true)
        #expect(StationTask.checklists[.dailyPatrol]?.contains("in-bed") == true)
        #expect(StationTask.checklists[.dischargeReview]?.contains("fee-list") == true)
        #expect(!StationTask.leadRules.contains(.costOutlier) && StationTask.leadRules.contains(.traumaCheck))
    }

    func allPassed(_ kind: StationTask.Kind) -> [StationTask.Answer] {
        (StationTask.checklists[kind] ?? []).map { StationTask.Answer(item: $0, outcome: .passed) }
    }

    @Test func aCompletionAnswersEveryItemAndExplainsWhatFailed() {
        #expect(StationTask.problems(kind: .dailyPatrol, answers: allPassed(.dailyPatrol), finding: .init(text: "")).isEmpty)
        var answers = allPassed(.focusedCheck)
        answers.removeFirst()
        answers[0] = .init(item: "third-party", outcome: .failed, note: " ")
        answers.append(.init(item: "colour", outcome: .passed))
        let problems = StationTask.problems(kind: .focusedCheck, answers: answers, finding: .init(text: ""))
        #expect(
            Set(problems) == [.unanswered("injury-cause"), .failedWithoutNote("third-party"), .unknownItem("colour"), .findingMissing],
            "\(problems)")
        #expect(Set(problems.map(\.field)) == ["outcome_injury-cause", "note_third-party", "outcome_colour", "finding"])
        let long = String(repeating: "长", count: StationTask.maximumNote + 1)
        #expect(
            StationTask.problems(
                kind: .dailyPatrol, answers: [.init(item: "in-bed", outcome: .passed, note: long)] + allPassed(.dailyPatrol).dropFirst(),
                finding: .init(text: "")) == [.noteTooLong("in-bed")])
    }

    @Test func aLeadNeedsItsRuleAndAmountAndNamesTheTaskAndWhatFailed() {
        var answers = allPassed(.focusedCheck)
        answers[1] = .init(item: "third-party", outcome: .failed, note: "交通事故，对方全责")
        let incomplete = StationTask.Finding(text: "车祸外伤按普通疾病结算", rule: .costOutlier, raiseLead: true, amountFen: nil)
        #expect(Set(StationTask.problems(kind: .focusedCheck, answers: answers, finding: incomplete)) == [.leadRuleMissing, .leadAmountMissing])
        let finding = StationTask.Finding(text: "车祸外伤按普通疾病结算", rule: .traumaCheck, raiseLead: true, amountFen: 862_000)
        #expect(StationTask.problems(kind: .focusedCheck, answers: answers, finding: finding).isEmpty)
        let lead = StationTask.lead(
            taskID: "T1", kind: .focusedCheck, institutionCode: "H1", settlementID: "S9", answers: answers, finding: finding)
        #expect(lead?.rule == .traumaCheck && lead?.amountFen == 862_000 && lead?.settlementID == "S9")
        #expect(lead?.evidence.first { $0.name == .checkItems }?.value == "third-party")
        #expect(lead?.evidence.contains(Evidence(.stationTask, "focused-check")) == true)
        #expect(StationTask.leadKey(rule: .traumaCheck, taskID: "T1") == "trauma-check|station-task:T1")
        let kept = StationTask.Finding(text: "已提醒科室", rule: nil, raiseLead: false)
        #expect(StationTask.lead(taskID: "T1", kind: .focusedCheck, institutionCode: "H1", settlementID: nil, answers: answers, finding: kept) == nil)
    }
}
