/// 回退率: of the orders dispatched to a unit, the share a unit handed back to the dispatchers at least once
/// (退单, counted once approved where returns need the dispatcher's approval).
public struct ReturnRate: OrderRatioIndicator, Hashable, Codable {
    public init() {}

    public var definition: IndicatorDefinition {
        let numerator = LocalizedText(zh: "被承办单位退回过的工单数", en: "orders a unit handed back at least once")
        let denominator = LocalizedText(zh: "已派单的工单数", en: "dispatched orders")
        return IndicatorDefinition(
            id: .returnRate, name: LocalizedText(zh: "回退率", en: "Return rate"),
            formula: LocalizedText(
                zh: "回退率 = \(numerator.zh) ÷ \(denominator.zh)（退单经派单员批准才计；不含作废、并单、核减工单）",
                en:
                    "Return rate = \(numerator.en) ÷ \(denominator.en) (a return counts once approved; cancelled, merged and exempted orders excluded)"
            ),
            numerator: numerator, denominator: denominator, unit: .share, higherIsBetter: false)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.dispatchedAt != nil
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        denominatorIncludes(fact) && (fact.returnCount ?? 0) > 0
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.returnRate, Double(counters.returnedOnce), counters.dispatched)
    }
}
