/// 返工/重办率: of the orders a unit reported done at least once, the share that had to be redone (重办).
public struct ReopenRate: OrderRatioIndicator, Hashable, Codable {
    /// Whether every reopening counts, so an order reopened twice counts twice; by default each order once.
    public var countsEveryReopening: Bool

    public init(countsEveryReopening: Bool = false) {
        self.countsEveryReopening = countsEveryReopening
    }

    public var definition: IndicatorDefinition {
        let numerator =
            countsEveryReopening
            ? LocalizedText(zh: "重办次数", en: "reopenings")
            : LocalizedText(zh: "重办过的工单数", en: "orders reopened at least once")
        let denominator = LocalizedText(zh: "办结过的工单数", en: "orders reported done at least once")
        return IndicatorDefinition(
            id: .reopenRate, name: LocalizedText(zh: "返工率（重办率）", en: "Reopen rate"),
            formula: LocalizedText(
                zh: "重办率 = \(numerator.zh) ÷ \(denominator.zh)（不含作废、并单工单）",
                en: "Reopen rate = \(numerator.en) ÷ \(denominator.en) (cancelled and merged orders excluded)"),
            numerator: numerator, denominator: denominator, unit: .share, higherIsBetter: false)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.completionCount > 0
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        denominatorIncludes(fact) && fact.reopenCount > 0
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.reopenRate, Double(countsEveryReopening ? counters.reopenings : counters.reopened), counters.completedOnce)
    }
}
