/// 解决率: the share of evaluated orders whose requester said the matter was solved.
public struct ResolutionRate: OrderRatioIndicator, Hashable, Codable {
    public init() {}

    public var definition: IndicatorDefinition {
        let numerator = LocalizedText(zh: "评价为已解决的工单数", en: "evaluated orders the requester called solved")
        let denominator = LocalizedText(zh: "已回访评价的工单数", en: "evaluated orders")
        return IndicatorDefinition(
            id: .resolutionRate, name: LocalizedText(zh: "解决率", en: "Resolution rate"),
            formula: LocalizedText(
                zh: "解决率 = \(numerator.zh) ÷ \(denominator.zh)（以最近一次评价为准；不含作废、并单工单）",
                en: "Resolution rate = \(numerator.en) ÷ \(denominator.en) (latest evaluation; cancelled and merged orders excluded)"),
            numerator: numerator, denominator: denominator, unit: .share)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.satisfaction != nil
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        denominatorIncludes(fact) && fact.solved == true
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.resolutionRate, Double(counters.solved), counters.evaluated)
    }
}
