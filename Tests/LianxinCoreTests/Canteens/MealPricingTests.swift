import Testing
@testable import LianxinCore

@Suite("幸福食堂 prices: 8 yuan a meal, free from 90, the first fitting line applies, the rest is the subsidy")
struct MealPricingTests {
    @Test func pingxiangsListAsTheSeedTellsIt() {
        let rules = MealPricing.pingxiang
        #expect(MealPricing.quote(age: 82, status: .ordinary, costFen: 1500, rules: rules) == .init(rule: 2, priceFen: 800, subsidyFen: 700))
        #expect(MealPricing.quote(age: 90, status: .ordinary, costFen: 1500, rules: rules) == .init(rule: 0, priceFen: 0, subsidyFen: 1500))
        #expect(MealPricing.quote(age: 89, status: .ordinary, costFen: 1500, rules: rules).priceFen == 800)
        #expect(MealPricing.quote(age: 45, status: .extremePoverty, costFen: 1500, rules: rules).priceFen == 0)
        #expect(MealPricing.quote(age: 40, status: .disabled, costFen: 1500, rules: rules).priceFen == 800)
        // Nobody's line: the full cost, no subsidy.
        #expect(MealPricing.quote(age: 40, status: .ordinary, costFen: 1500, rules: rules) == .init(rule: nil, priceFen: 1500, subsidyFen: 0))
        // A price above the cost is capped: the subsidy is never negative.
        #expect(MealPricing.quote(age: 70, status: .ordinary, costFen: 600, rules: rules) == .init(rule: 2, priceFen: 600, subsidyFen: 0))
    }

    @Test func ageCountsWholeYearsToTheBirthday() {
        #expect(MealPricing.age(born: (1936, 12, 8), on: (2026, 12, 7)) == 89)
        #expect(MealPricing.age(born: (1936, 12, 7), on: (2026, 12, 7)) == 90)
    }

    @Test func aListWithALineThatCanNeverApplyIsRefused() {
        let rules = [
            MealPricing.Rule(minAge: 60, status: nil, priceFen: 800), MealPricing.Rule(minAge: 90, status: nil, priceFen: 0),
            MealPricing.Rule(minAge: nil, status: .disabled, priceFen: -1),
        ]
        let problems = MealPricing.problems(rules)
        #expect(problems.map(\.index) == [1, 2] && problems.map(\.key) == ["canteen_rule_never", "canteen_rule_price"])
        #expect(MealPricing.problems(MealPricing.pingxiang).isEmpty)
    }

    @Test func coverageIsTheShareOfVillagesWithACanteen() {
        let covered = MealPricing.coverage(villages: ["a", "b", "c", "d", "e"], withCanteen: ["a", "b", "c", "d", "z"])
        #expect(covered.covered == 4 && covered.total == 5 && covered.percent == 80)
        #expect(MealPricing.coverage(villages: [], withCanteen: ["a"]).percent == 0)
    }
}
