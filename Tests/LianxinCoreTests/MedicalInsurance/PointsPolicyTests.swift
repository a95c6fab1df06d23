import LianxinCore
import Testing

@Suite("记分管理: confirmed violations give points, thresholds propose actions")
struct PointsPolicyTests {
    @Test func confirmedLeadsGivePointsToTheInstitutionAndTheDoctorByTheRulesPoints() {
        let leads = [
            Lead(rule: .overPrice, settlementID: "S1", institutionCode: "H1", doctorCode: "D1", amountFen: 100, evidence: []),
            Lead(rule: .bedOnlyStay, settlementID: "S2", institutionCode: "H1", doctorCode: "D1", amountFen: 100, evidence: []),
            Lead(rule: .traumaCheck, settlementID: "S3", institutionCode: "H2", amountFen: 100, evidence: []),
        ]
        let points = PointsPolicy.points(of: leads, rules: .standard)
        #expect(points.institutions == ["H1": 6, "H2": 1])
        #expect(points.persons == ["D1": 4])
    }

    @Test func thresholdsProposeEveryActionReachedThatIsNotDecidedMildestFirst() {
        let policy = PointsPolicy.standard
        #expect(policy.proposals(for: .institution, points: 5, decided: []).isEmpty)
        #expect(policy.proposals(for: .institution, points: 13, decided: []) == [.interview, .suspendSettlement])
        #expect(policy.proposals(for: .institution, points: 13, decided: [.interview]) == [.suspendSettlement])
        #expect(policy.proposals(for: .person, points: 25, decided: [.interview, .suspendSettlement]) == [.terminateAgreement])
    }
}

@Suite("记分管理: the thresholds are data, checked before they are stored")
struct PointsThresholdTests {
    @Test func theStandardScaleIsValidAndAStrongerActionNeedsMorePoints() {
        #expect(PointsPolicy.standard.problems.isEmpty)
        #expect(PointsPolicy.standard.thresholds(.institution) == [.interview: 6, .suspendSettlement: 12, .terminateAgreement: 20])
        var policy = PointsPolicy.standard
        policy.institution = [
            .init(points: 8, action: .interview), .init(points: 8, action: .suspendSettlement), .init(points: 0, action: .terminateAgreement),
        ]
        policy.person = [.init(points: 6, action: .interview), .init(points: 12, action: .suspendSettlement)]
        #expect(
            Set(policy.problems) == [
                .notIncreasing(.institution, .suspendSettlement), .outOfRange(.institution, .terminateAgreement),
                .missing(.person, .terminateAgreement),
            ])
        policy.institution[1].points = 9
        policy.institution[2].points = 30
        #expect(policy.proposals(for: .institution, points: 9, decided: []) == [.interview, .suspendSettlement])
    }
}
