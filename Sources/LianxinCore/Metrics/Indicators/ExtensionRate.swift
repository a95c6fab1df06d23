/// 延期率: the share of dispatched orders that were given more time (an approved extension).
public struct ExtensionRate: OrderRatioIndicator, Hashable, Codable {
    /// Whether every approved extension counts, so an order extended twice counts twice; by default each order once.
    public var countsEveryExtension: Bool

    public init(countsEveryExtension: Bool = false) {
        self.countsEveryExtension = countsEveryExtension
    }

    public var definition: IndicatorDefinition {
        let numerator =
            countsEveryExtension
            ? LocalizedText(zh: "批准延期次数", en: "approved extensions")
            : LocalizedText(zh: "获批延期的工单数", en: "orders with an approved extension")
        let denominator = LocalizedText(zh: "已派单的工单数", en: "dispatched orders")
        return IndicatorDefinition(
            id: .extensionRate, name: LocalizedText(zh: "延期率", en: "Extension rate"),
            formula: LocalizedText(
                zh: "延期率 = \(numerator.zh) ÷ \(denominator.zh)（不含作废、并单工单）",
                en: "Extension rate = \(numerator.en) ÷ \(denominator.en) (cancelled and merged orders excluded)"),
            numerator: numerator, denominator: denominator, unit: .share, higherIsBetter: false)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.dispatchedAt != nil
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        denominatorIncludes(fact) && fact.extensionCount > 0
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.extensionRate, Double(countsEveryExtension ? counters.extensions : counters.extended), counters.dispatched)
    }
}
