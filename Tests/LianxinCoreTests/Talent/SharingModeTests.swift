import LianxinCore
import Testing

@Suite("人才共享 modes and agreements: six modes with their rules, the agreement's guard table")
struct SharingModeTests {
    let period = TalentPeriod(start: 20_500, end: 20_559)

    @Test func item01_sixModesEachWithItsRules() {
        #expect(SharingMode.allCases.count == 6)
        #expect(SharingMode.secondment.rules.needsHomeEmployer)
        #expect(SharingMode.projectCooperation.rules.needsDeliverables)
        #expect(SharingMode.flexibleIntroduction.rules.needsTerm)
        #expect(!SharingMode.flexibleIntroduction.rules.needsHomeEmployer)
    }

    @Test func item01_projectCooperationWithoutDeliverablesIsRefused() {
        let terms = AgreementTerms(mode: .projectCooperation, period: period, deliverables: ["  "], hasHomeEmployer: true)
        #expect(terms.problems() == [.deliverablesMissing])
        #expect(AgreementTerms(mode: .projectCooperation, period: period, deliverables: ["旋翼工装改造"], hasHomeEmployer: true).problems().isEmpty)
    }

    @Test func item01_flexibleIntroductionNeedsATermAndASecondmentNeedsAnEmployer() {
        #expect(AgreementTerms(mode: .flexibleIntroduction, period: period, hasHomeEmployer: false).problems() == [.termMissing])
        #expect(AgreementTerms(mode: .flexibleIntroduction, period: period, termMonths: 12, hasHomeEmployer: false).problems().isEmpty)
        #expect(AgreementTerms(mode: .secondment, period: period, hasHomeEmployer: false).problems() == [.secondmentNeedsEmployer])
        let long = TalentPeriod(start: 20_500, end: 21_000)
        #expect(AgreementTerms(mode: .secondment, period: long, hasHomeEmployer: true).problems() == [.periodTooLong(maxDays: 365)])
        #expect(AgreementTerms(mode: .leasing, period: TalentPeriod(start: 5, end: 1), hasHomeEmployer: true).problems() == [.periodReversed])
    }

    @Test func item02_secondmentIsAgreedOnlyWhenBothEnterprisesAndThePersonApprove() throws {
        let required = AgreementState.requiredParties(mode: .secondment, hasHomeOrg: true)
        #expect(required == [.demandOrg, .homeOrg, .person])
        var state = AgreementState(required: required)
        for party in [AgreementParty.demandOrg, .homeOrg] {
            state = try AgreementMachine.apply(.approve(party), to: state).get()
            #expect(state.status == .proposed)
        }
        #expect(!AgreementMachine.revealsContact(state.status))
        state = try AgreementMachine.apply(.approve(.person), to: state).get()
        #expect(state.status == .agreed)
        #expect(AgreementMachine.revealsContact(state.status))
        state = try AgreementMachine.apply(.start, to: state).get()
        #expect(state.status == .active)
        state = try AgreementMachine.apply(.end, to: state).get()
        #expect(!AgreementMachine.evaluatedByBothSides(state))
        state = try AgreementMachine.apply(.evaluate(.demandOrg), to: state).get()
        state = try AgreementMachine.apply(.evaluate(.homeOrg), to: state).get()
        #expect(state.status == .ended)
        #expect(AgreementMachine.evaluatedByBothSides(state))
        #expect(AgreementMachine.apply(.evaluate(.homeOrg), to: state) == .failure(.alreadyEvaluated(.homeOrg)))
    }

    @Test func item02_guardTableRefusesOutOfOrderActions() {
        let required = AgreementState.requiredParties(mode: .flexibleIntroduction, hasHomeOrg: true)
        #expect(required == [.demandOrg, .person])
        let proposed = AgreementState(required: required)
        #expect(AgreementMachine.apply(.start, to: proposed) == .failure(.notAllowed(.proposed)))
        #expect(AgreementMachine.apply(.approve(.homeOrg), to: proposed) == .failure(.notAParty(.homeOrg)))
        #expect(AgreementMachine.apply(.evaluate(.demandOrg), to: proposed) == .failure(.notAllowed(.proposed)))
        let refused = try? AgreementMachine.apply(.refuse(.person), to: proposed).get()
        #expect(refused?.status == .refused)
        if let refused { #expect(AgreementMachine.apply(.approve(.person), to: refused) == .failure(.notAllowed(.refused))) }
        let withdrawn = try? AgreementMachine.apply(.withdraw, to: proposed).get()
        #expect(withdrawn?.status == .withdrawn)
        var approved = proposed
        approved.approvals = [.demandOrg]
        #expect(AgreementMachine.apply(.approve(.demandOrg), to: approved) == .failure(.alreadyApproved(.demandOrg)))
        var ended = proposed
        ended.status = .ended
        #expect(AgreementMachine.apply(.evaluate(.centre), to: ended) == .failure(.centreDoesNotEvaluate))
        for status in AgreementStatus.allCases where status.isFinal {
            var state = proposed
            state.status = status
            #expect(AgreementMachine.apply(.withdraw, to: state) == .failure(.notAllowed(status)))
        }
    }
}
