/// 直接办结率: the share of the orders received that the hotline answered and closed on the call, without
/// dispatching them (咨询类即时办结).
public struct DirectAnswerRate: OrderRatioIndicator, Hashable, Codable {
    public init() {}

    public var definition: IndicatorDefinition {
        let numerator = LocalizedText(zh: "直接答复办结的工单数", en: "orders answered and closed on the call")
        let denominator = LocalizedText(zh: "受理的工单数", en: "orders received")
        return IndicatorDefinition(
            id: .directAnswerRate, name: LocalizedText(zh: "直接办结率", en: "Direct answer rate"),
            formula: LocalizedText(
                zh: "直接办结率 = \(numerator.zh) ÷ \(denominator.zh)（不含作废、并单、核减工单）",
                en: "Direct answer rate = \(numerator.en) ÷ \(denominator.en) (cancelled, merged and exempted orders excluded)"),
            numerator: numerator, denominator: denominator, unit: .share)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.answeredDirectly == true
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.directAnswerRate, Double(counters.answeredDirectly), counters.counted)
    }
}
