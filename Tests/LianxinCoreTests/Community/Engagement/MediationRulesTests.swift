import LianxinCore
import Testing

@Suite struct MediationRulesTests {
    @Test func aCaseNeedsTwoPartiesAndAMediator() throws {
        try MediationRules.checkOpening(parties: 2, mediators: 1)
        #expect(throws: MediationRuleError.tooFewParties(1)) { try MediationRules.checkOpening(parties: 1, mediators: 1) }
        #expect(throws: MediationRuleError.noMediator) { try MediationRules.checkOpening(parties: 3, mediators: 0) }
    }

    @Test func onlyAnAgreementCarriesAgreementText() throws {
        try MediationRules.checkConcluding(current: nil, outcome: .agreement, agreementText: "赔偿 2000 元", sessions: 1)
        try MediationRules.checkConcluding(current: nil, outcome: .referredToCourt, agreementText: nil, sessions: 2)
        #expect(throws: MediationRuleError.agreementTextRequired) {
            try MediationRules.checkConcluding(current: nil, outcome: .agreement, agreementText: " ", sessions: 1)
        }
        #expect(throws: MediationRuleError.agreementTextWithoutAgreement) {
            try MediationRules.checkConcluding(current: nil, outcome: .failed, agreementText: "协议", sessions: 1)
        }
        #expect(throws: MediationRuleError.noSession) {
            try MediationRules.checkConcluding(current: nil, outcome: .failed, agreementText: nil, sessions: 0)
        }
        #expect(throws: MediationRuleError.alreadyConcluded) {
            try MediationRules.checkConcluding(current: .failed, outcome: .failed, agreementText: nil, sessions: 1)
        }
    }

    @Test func successRatesCountAgreementsOverConcludedCasesPerMediatorAndCommunity() throws {
        let cases: [MediationSuccessRate.Case] = [
            .init(mediators: ["李调解", "王调解"], community: "361102001001", outcome: .agreement),
            .init(mediators: ["李调解"], community: "361102001001", outcome: .failed),
            .init(mediators: ["李调解"], community: "361102001002", outcome: .referredToCourt),
            .init(mediators: ["王调解"], community: "361102001002", outcome: .agreement),
            .init(mediators: ["王调解"], community: "361102001002", outcome: nil),
        ]
        let mediators = MediationSuccessRate.perMediator(cases)
        #expect(mediators.map(\.key) == ["王调解", "李调解"])
        let wang = try #require(mediators.first)
        #expect(wang.concluded == 2 && wang.agreements == 2 && wang.open == 1 && wang.rate == 1)
        let li = try #require(mediators.last)
        #expect(li.concluded == 3 && li.agreements == 1 && li.rate.map { abs($0 - 1.0 / 3.0) < 1e-12 } == true)
        let communities = MediationSuccessRate.perCommunity(cases)
        #expect(communities.map(\.key) == ["361102001001", "361102001002"])
        #expect(communities.map(\.rate) == [0.5, 0.5] && communities[1].open == 1)
        #expect(MediationSuccessRate.perCommunity([.init(mediators: ["甲"], community: "1", outcome: nil)]).first?.rate == nil)
    }
}
