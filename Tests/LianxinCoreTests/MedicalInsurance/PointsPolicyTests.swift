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
