import Foundation
import LianxinCore
import Testing

@Suite("党员积分制: base + capped contribution points, star ratings, rankings with shared ranks, decisions, 10–20 households")
struct PartyPointsTests {
    let volunteering = UUID()
    let meetings = UUID()
    let absence = UUID()

    func line(_ rule: UUID, _ dimension: PartyPointsDimension, _ points: Int, cap: Int = 0) -> PartyPointsCard.Line {
        PartyPointsCard.Line(rule: rule, dimension: dimension, points: points, ruleCap: cap)
    }

    @Test func noEntriesLeaveTheBasePointsAndTwoStars() {
        let card = PartyPointsCard(scheme: .standard, lines: [])
        #expect(card.basePoints == 60 && card.total == 60 && card.stars == 2)
        #expect(card.dimensions.map(\.0) == PartyPointsDimension.allCases)
        #expect(card.dimensions.allSatisfy { $0.1 == 0 })
    }

    @Test func aRuleStopsAtItsOwnCapAndADimensionAtTheSchemes() {
        // Five volunteer sessions of 3 points, the rule capped at 9 a year: 9, not 15.
        let card = PartyPointsCard(scheme: .standard, lines: (0..<5).map { _ in line(volunteering, .volunteerService, 3, cap: 9) })
        #expect(card.dimensions.first { $0.0 == .volunteerService }?.1 == 9)
        #expect(card.total == 69)
        // Twelve meetings of 2 points with no rule cap: the dimension's cap of 10 applies.
        let many = PartyPointsCard(scheme: .standard, lines: (0..<12).map { _ in line(meetings, .organisationDiscipline, 2) })
        #expect(many.dimensions.first { $0.0 == .organisationDiscipline }?.1 == 10)
        #expect(many.total == 70 && many.stars == 2)
    }

    @Test func deductionsCountInFullAndTheTotalNeverGoesBelowZero() {
        let lines = [
            line(meetings, .organisationDiscipline, 2), line(absence, .organisationDiscipline, -5), line(absence, .organisationDiscipline, -5),
        ]
        let card = PartyPointsCard(scheme: .standard, lines: lines)
        #expect(card.dimensions.first { $0.0 == .organisationDiscipline }?.1 == -8)
        #expect(card.total == 52 && card.stars == 1)
        let ruined = PartyPointsCard(scheme: .standard, lines: (0..<20).map { _ in line(absence, .lawAbiding, -5) })
        #expect(ruined.total == 0)
    }

    @Test func fullMarksInEveryDimensionGiveFiveStars() {
        let lines = PartyPointsDimension.allCases.map { line(UUID(), $0, 10) }
        let card = PartyPointsCard(scheme: .standard, lines: lines)
        #expect(card.total == 110 && card.stars == 5)
    }

    @Test func starThresholdsAreData() throws {
        let scheme = try PartyPointsScheme(basePoints: 50, dimensionCap: 20, starThresholds: [120, 100, 80, 60])
        #expect(scheme.stars(for: 120) == 5 && scheme.stars(for: 119) == 4 && scheme.stars(for: 80) == 3)
        #expect(scheme.stars(for: 60) == 2 && scheme.stars(for: 59) == 1)
        #expect(PartyPointsScheme.standard.stars(for: 95) == 5 && PartyPointsScheme.standard.stars(for: 94) == 4)
    }

    @Test func badSchemesAreRefusedNamingTheField() {
        #expect(throws: PartyPointsScheme.Refusal.basePoints) {
            try PartyPointsScheme(basePoints: 101, dimensionCap: 10, starThresholds: [95, 85, 75, 60])
        }
        #expect(throws: PartyPointsScheme.Refusal.dimensionCap) {
            try PartyPointsScheme(basePoints: 60, dimensionCap: 0, starThresholds: [95, 85, 75, 60])
        }
        #expect(throws: PartyPointsScheme.Refusal.thresholds) {
            try PartyPointsScheme(basePoints: 60, dimensionCap: 10, starThresholds: [85, 95, 75, 60])
        }
        #expect(throws: PartyPointsScheme.Refusal.thresholds) {
            try PartyPointsScheme(basePoints: 60, dimensionCap: 10, starThresholds: [95, 85, 75])
        }
        #expect(PartyPointsScheme.Refusal.thresholds.field == "/starThresholds")
    }

    @Test func rulesGiveOrTakeOneToFiftyPoints() throws {
        try PartyPointsRule.check(points: 5, yearlyCap: 20)
        try PartyPointsRule.check(points: -10, yearlyCap: 0)
        #expect(throws: PartyPointsRule.Refusal.points) { try PartyPointsRule.check(points: 0, yearlyCap: 0) }
        #expect(throws: PartyPointsRule.Refusal.points) { try PartyPointsRule.check(points: 51, yearlyCap: 0) }
        #expect(throws: PartyPointsRule.Refusal.cap) { try PartyPointsRule.check(points: 5, yearlyCap: 201) }
    }

    @Test func equalTotalsShareARankAndTheNextRankSkips() {
        let ids = (0..<4).map { _ in UUID() }
        let places = PartyRanking.rank([
            (id: ids[0], name: "王芳", total: 80), (id: ids[1], name: "李强", total: 95), (id: ids[2], name: "陈明", total: 80),
            (id: ids[3], name: "赵敏", total: 60),
        ])
        #expect(places.map(\.total) == [95, 80, 80, 60])
        #expect(places.map(\.rank) == [1, 2, 2, 4])
        #expect(places[1].name == "王芳" || places[1].name == "陈明")
        #expect(places[1].name < places[2].name, "equal totals listed by name, so the order is stable")
    }

    @Test func theSecretaryDecidesOncePendingEntriesAndRefusesOnlyWithAReason() throws {
        #expect(try PartyPointsDecision.approve.apply(to: .pending, note: "") == .approved)
        #expect(try PartyPointsDecision.reject.apply(to: .pending, note: "无照片") == .rejected)
        #expect(throws: PartyPointsDecision.Refusal.reasonRequired) { try PartyPointsDecision.reject.apply(to: .pending, note: " 无 ") }
        #expect(throws: PartyPointsDecision.Refusal.notPending(.approved)) { try PartyPointsDecision.reject.apply(to: .approved, note: "重复申报") }
        #expect(throws: PartyPointsDecision.Refusal.notPending(.rejected)) { try PartyPointsDecision.approve.apply(to: .rejected, note: "") }
    }

    @Test func aMemberLooksAfterTenToTwentyHouseholds() {
        #expect(HouseholdLinkLoad(count: 9) == .tooFew)
        #expect(HouseholdLinkLoad(count: 10) == .within && HouseholdLinkLoad(count: 20) == .within)
        #expect(HouseholdLinkLoad(count: 21) == .tooMany)
    }
}
