/// 核减率: the share of the orders the assessment could count that the hotline centre left out of it on an
/// approved appeal (核减); the count (核减数) is the figure's numerator.
public struct ExemptionRate: OrderRatioIndicator, Hashable, Codable {
    public init() {}

    public var definition: IndicatorDefinition {
        let numerator = LocalizedText(zh: "核减的工单数（申诉获批）", en: "orders exempted on an approved appeal")
        let denominator = LocalizedText(zh: "受理的工单数（不含作废、并单工单）", en: "orders received, less cancelled and merged ones")
        return IndicatorDefinition(
            id: .exemptionRate, name: LocalizedText(zh: "核减率", en: "Exemption rate"),
            formula: LocalizedText(
                zh: "核减率 = \(numerator.zh) ÷ \(denominator.zh)；核减数即分子",
                en: "Exemption rate = \(numerator.en) ÷ \(denominator.en); the number exempted is the numerator"),
            numerator: numerator, denominator: denominator, unit: .share, higherIsBetter: false)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        !fact.isCancelled && !fact.isMergedChild
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        denominatorIncludes(fact) && fact.exemptedFromAssessment == true
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.exemptionRate, Double(counters.exempted), counters.assessable)
    }
}
