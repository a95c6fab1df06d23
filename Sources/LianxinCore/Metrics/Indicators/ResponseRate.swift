/// 响应率: the share of dispatched orders whose unit responded within the limit, by default signed (签收) in time.
public struct ResponseRate: OrderRatioIndicator, Hashable, Codable {
    /// The stage whose clock measures the response: `sign` (签收), or `respond` for hour-level response policies.
    public var stage: SLAStage

    public init(stage: SLAStage = .sign) {
        self.stage = stage
    }

    public var definition: IndicatorDefinition {
        let zh = stage.title(english: false), en = stage.title(english: true)
        let numerator = LocalizedText(
            zh: "「\(zh)」环节在时限内完成的工单数", en: "orders whose \(en) stage ended within its limit")
        let denominator = LocalizedText(
            zh: "已派单且计时「\(zh)」环节的工单数", en: "dispatched orders timed on the \(en) stage")
        return IndicatorDefinition(
            id: .responseRate, name: LocalizedText(zh: "响应率", en: "Response rate"),
            formula: LocalizedText(
                zh: "响应率 = \(numerator.zh) ÷ \(denominator.zh)（不含作废、并单工单）",
                en: "Response rate = \(numerator.en) ÷ \(denominator.en) (cancelled and merged orders excluded)"),
            numerator: numerator, denominator: denominator, unit: .share)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.stage(stage) != nil
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        denominatorIncludes(fact) && fact.stage(stage)?.met == true
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.responseRate, Double(counters[stage].met), counters[stage].started)
    }
}
