import Foundation
import Testing
@testable import LianxinCore

/// Composite scores under an assessment scheme, and rankings by them.
@Suite struct AssessmentTests {
    static func values(_ pairs: [(IndicatorID, Double?)]) -> [IndicatorValue] {
        pairs.map { IndicatorValue(indicator: $0.0, value: $0.1, numerator: nil, denominator: nil, basis: 1) }
    }

    @Test func theThreeRatesAreWeighedTenFortyFiveFortyFive() {
        let score = AssessmentScheme.threeRates.score(
            Self.values([
                (.responseRate, 0.9), (.resolutionRate, 0.8), (.satisfactionRate, 0.5),
            ]))
        let expected: Double = (10 * (100 * 0.9) + 45 * (100 * 0.8) + 45 * (100 * 0.5)) / 100
        #expect(score.value == expected)
        #expect(score.basis == 3)
    }

    @Test func anIndicatorWithoutDataLeavesItsWeightToTheOthers() {
        let score = AssessmentScheme.threeRates.score(
            Self.values([
                (.responseRate, 1), (.resolutionRate, nil), (.satisfactionRate, 0.5),
            ]))
        let expected: Double = (10 * 100 + 45 * 50) / 55
        #expect(score.value == expected)
        #expect(score.denominator == 55)
        #expect(AssessmentScheme.threeRates.score([]).value == nil)
    }

    @Test func lowerIsBetterIndicatorsScoreWhatIsLeftOfAHundred() throws {
        let scheme = try AssessmentScheme(
            code: "quality", name: LocalizedText(zh: "质量", en: "Quality"),
            weights: [IndicatorWeight(.reopenRate, 1), IndicatorWeight(.whistleScore, 1)])
        let score = scheme.score(Self.values([(.reopenRate, 0.25), (.whistleScore, 90)]))
        #expect(score.value == 82.5)
        #expect(scheme.definition.formula.zh.hasPrefix("综合得分 = (1 × (100 − 返工率（重办率）) + 1 × 吹哨报到平均得分) ÷ 2；"))
    }

    @Test func aSchemeRefusesWeightsItCannotScore() {
        let name = LocalizedText(zh: "方案", en: "Scheme")
        #expect(throws: AssessmentSchemeError.notScorable(.overdueOpenCount)) {
            try AssessmentScheme(code: "x", name: name, weights: [IndicatorWeight(.overdueOpenCount, 1)])
        }
        #expect(throws: AssessmentSchemeError.invalidWeight(.responseRate)) {
            try AssessmentScheme(code: "x", name: name, weights: [IndicatorWeight(.responseRate, 0)])
        }
        #expect(throws: AssessmentSchemeError.repeatedIndicator(.responseRate)) {
            try AssessmentScheme(
                code: "x", name: name, weights: [IndicatorWeight(.responseRate, 1), IndicatorWeight(.responseRate, 2)])
        }
        #expect(throws: AssessmentSchemeError.noWeights) { try AssessmentScheme(code: "x", name: name, weights: []) }
        #expect(throws: AssessmentSchemeError.missingCode) {
            try AssessmentScheme(code: "", name: name, weights: [IndicatorWeight(.responseRate, 1)])
        }
    }

    @Test func aSchemeIsStoredAsDataWithItsIndicatorParameters() throws {
        var indicators = IndicatorSettings()
        indicators.satisfactionRate.basicallySatisfiedWeight = 0.8
        indicators.responseRate.stage = .respond
        let scheme = try AssessmentScheme(
            code: "xinfeng", name: LocalizedText(zh: "信丰", en: "Xinfeng"),
            weights: [IndicatorWeight(.responseRate, 30), IndicatorWeight(.satisfactionRate, 70)], indicators: indicators,
            minimumOrders: 3, decimals: 1)
        let stored = try JSONDecoder().decode(AssessmentScheme.self, from: JSONEncoder().encode(scheme))
        #expect(stored == scheme)
    }

    @Test func aSchemeReadFromDataFillsInDefaultsAndIsChecked() throws {
        let json =
            #"{"code":"city","name":{"zh":"市级","en":"City"},"weights":[{"indicator":"onTimeRate","weight":1}],"indicators":{"satisfactionRate":{"satisfiedWeight":1,"basicallySatisfiedWeight":0.8}}}"#
        let scheme = try JSONDecoder().decode(AssessmentScheme.self, from: Data(json.utf8))
        #expect(scheme.minimumOrders == 5)
        #expect(scheme.indicators.satisfactionRate.basicallySatisfiedWeight == 0.8)
        #expect(scheme.indicators.onTimeRate == OnTimeRate())
        let bad = #"{"code":"city","name":{"zh":"市级","en":"City"},"weights":[{"indicator":"averageStageTime","weight":1}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AssessmentScheme.self, from: Data(bad.utf8)) }
        let badWeight = #"{"satisfactionRate":{"satisfiedWeight":1,"basicallySatisfiedWeight":1.5}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(IndicatorSettings.self, from: Data(badWeight.utf8)) }
    }

    @Test func tiedUnitsShareARankAndTheNextRankSkips() {
        let ranking = AssessmentScheme.threeRates.rank([
            RankingCandidate(unit: "东街", score: 88.004, orders: 40),
            RankingCandidate(unit: "西街", score: 95, orders: 12),
            RankingCandidate(unit: "南街", score: 95.001, orders: 30),
            RankingCandidate(unit: "北街", score: 70, orders: 9),
        ])
        #expect(ranking.map(\.unit) == ["西街", "南街", "东街", "北街"])
        #expect(ranking.map(\.rank) == [1, 1, 3, 4])
        #expect(ranking.map(\.score) == [95, 95, 88, 70])
    }

    @Test func unitsWithTooFewOrdersOrNoScoreAreListedUnranked() {
        let ranking = AssessmentScheme.threeRates.rank([
            RankingCandidate(unit: "一网格", score: nil, orders: 0),
            RankingCandidate(unit: "二网格", score: 99, orders: 4),
            RankingCandidate(unit: "三网格", score: 80, orders: 5),
            RankingCandidate(unit: "四网格", score: 90, orders: 6),
        ])
        #expect(ranking.map(\.unit) == ["四网格", "三网格", "二网格", "一网格"])
        #expect(ranking.map(\.rank) == [1, 2, nil, nil])
        #expect(ranking.map(\.standing) == [.ranked, .ranked, .tooFewOrders, .noScore])
    }

    @Test func everyIndicatorExplainsItselfInBothLanguages() {
        let definitions = IndicatorSettings().definitions + [AssessmentScheme.threeRates.definition]
        #expect(Set(definitions.map(\.id)) == Set(IndicatorID.allCases))
        for definition in definitions {
            #expect(!definition.name.zh.isEmpty && !definition.name.en.isEmpty)
            #expect(definition.formula.zh.contains("=") || definition.formula.zh.contains("最近秩"), "\(definition.id)")
            #expect(!definition.formula.en.isEmpty)
            #expect((definition.numerator == nil) == (definition.denominator == nil), "\(definition.id)")
        }
        #expect(AssessmentScheme.threeRates.definition.formula.zh.hasPrefix("综合得分 = (10 × 响应率 + 45 × 解决率 + 45 × 满意率) ÷ 100；"))
    }
}
