/// 结案率: the share of the orders received in a period that are closed now.
public struct ClosureRate: OrderRatioIndicator, Hashable, Codable {
    public init() {}

    public var definition: IndicatorDefinition {
        let numerator = LocalizedText(zh: "已结案的工单数", en: "closed orders")
        let denominator = LocalizedText(zh: "受理的工单数（不含作废、并单工单）", en: "orders received, less cancelled and merged ones")
        return IndicatorDefinition(
            id: .closureRate, name: LocalizedText(zh: "结案率", en: "Closure rate"),
            formula: LocalizedText(
                zh: "结案率 = \(numerator.zh) ÷ \(denominator.zh)", en: "Closure rate = \(numerator.en) ÷ \(denominator.en)"),
            numerator: numerator, denominator: denominator, unit: .share)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.status == .closed
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.closureRate, Double(counters.closed), counters.counted)
    }
}
