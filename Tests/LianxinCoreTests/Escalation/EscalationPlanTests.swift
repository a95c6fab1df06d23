import Testing

@testable import LianxinCore

@Suite("Escalation rules (升级规则)")
struct EscalationPlanTests {
    let defaults = EscalationRule.defaults

    @Test("By default a warning reminds, a first breach is supervised, a second and later breaches go to the leaders")
    func defaultLadder() {
        #expect(EscalationPlan.rule(for: .warning, stage: .sign, occurrence: 1, in: defaults)?.step == .remind)
        #expect(EscalationPlan.rule(for: .warning, stage: .complete, occurrence: 3, in: defaults)?.step == .remind)
        let first = EscalationPlan.rule(for: .breach, stage: .sign, occurrence: 1, in: defaults)
        #expect(first?.step == .supervise)
        #expect(first?.audience == [])
        let second = EscalationPlan.rule(for: .breach, stage: .complete, occurrence: 2, in: defaults)
        #expect(second?.step == .leaderSupervise)
        #expect(second?.audience == [.leaders])
        #expect(EscalationPlan.rule(for: .breach, stage: .feedback, occurrence: 7, in: defaults)?.step == .leaderSupervise)
    }

    @Test("A rule for one stage wins over the rule for any stage at the same occurrence, not over a later occurrence")
    func stageBeatsAny() {
        let rules = defaults + [EscalationRule(.breach, stage: .sign, step: .remind, audience: [.dispatchers])]
        #expect(EscalationPlan.rule(for: .breach, stage: .sign, occurrence: 1, in: rules)?.step == .remind)
        #expect(EscalationPlan.rule(for: .breach, stage: .complete, occurrence: 1, in: rules)?.step == .supervise)
        // A second breach is past the stage rule's occurrence: the any-stage rule from 2 applies.
        #expect(EscalationPlan.rule(for: .breach, stage: .sign, occurrence: 2, in: rules)?.step == .leaderSupervise)
    }

    @Test("Inactive rules and rules starting later do not apply; no rule means no step")
    func inactiveAndLater() {
        var rules = defaults
        rules[0].active = false
        #expect(EscalationPlan.rule(for: .warning, stage: .sign, occurrence: 1, in: rules) == nil)
        let onlyThird = [EscalationRule(.breach, from: 3, step: .leaderSupervise)]
        #expect(EscalationPlan.rule(for: .breach, stage: .sign, occurrence: 2, in: onlyThird) == nil)
        #expect(EscalationPlan.rule(for: .breach, stage: .sign, occurrence: 3, in: onlyThird) != nil)
        #expect(EscalationPlan.rule(for: .breach, stage: .sign, occurrence: 1, in: []) == nil)
    }

    @Test("Two active rules for the same trigger, stage and occurrence conflict; an inactive copy does not")
    func conflicts() {
        #expect(EscalationPlan.firstConflict(in: defaults) == nil)
        let twice = defaults + [EscalationRule(.breach, step: .remind)]
        #expect(EscalationPlan.firstConflict(in: twice) == 3)
        #expect(EscalationPlan.firstConflict(in: defaults + [EscalationRule(.breach, step: .remind, active: false)]) == nil)
        let stageAndAny = [EscalationRule(.breach, step: .supervise), EscalationRule(.breach, stage: .sign, step: .remind)]
        #expect(EscalationPlan.firstConflict(in: stageAndAny) == nil)
    }

    @Test("The note names the stage, what happened and, from the second time, how many times")
    func notes() {
        #expect(EscalationPlan.note(step: .supervise, trigger: .breach, stage: .sign, occurrence: 1) == "超时自动督办：签收环节已超时")
        #expect(EscalationPlan.note(step: .leaderSupervise, trigger: .breach, stage: .complete, occurrence: 2) == "领导督办：办结环节已超时（第2次），请加快办理")
        #expect(EscalationPlan.note(step: .remind, trigger: .warning, stage: .arrive, occurrence: 1) == "系统催办：到场环节即将超时")
    }
}
