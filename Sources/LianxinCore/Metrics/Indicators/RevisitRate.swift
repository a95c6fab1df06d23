/// 回访率: of the orders a result was reported for (办结, including direct answers), the share whose requester was
/// reached for an evaluation (by link, by an operator or on the phone keypad).
public struct RevisitRate: OrderRatioIndicator, Hashable, Codable {
    public init() {}

    public var definition: IndicatorDefinition {
        let numerator = LocalizedText(zh: "已回访评价的工单数", en: "evaluated orders")
        let denominator = LocalizedText(zh: "办结过的工单数", en: "orders reported done at least once")
        return IndicatorDefinition(
            id: .revisitRate, name: LocalizedText(zh: "回访率", en: "Revisit rate"),
            formula: LocalizedText(
                zh: "回访率 = \(numerator.zh) ÷ \(denominator.zh)（不含作废、并单、核减工单）",
                en: "Revisit rate = \(numerator.en) ÷ \(denominator.en) (cancelled, merged and exempted orders excluded)"),
            numerator: numerator, denominator: denominator, unit: .share)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.completionCount > 0
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        denominatorIncludes(fact) && fact.satisfaction != nil
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.revisitRate, Double(counters.evaluated), counters.completedOnce)
    }
}
