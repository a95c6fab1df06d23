/// Average time per stage: the mean duration of the stage's stopped clocks, in minutes, paused time left out.
public struct AverageStageTime: Hashable, Codable, Sendable {
    /// The stage measured, `complete` (dispatch to result) by default.
    public var stage: SLAStage

    public init(stage: SLAStage = .complete) {
        self.stage = stage
    }

    public var definition: IndicatorDefinition {
        let zh = stage.title(english: false), en = stage.title(english: true)
        let numerator = LocalizedText(zh: "「\(zh)」环节已结束计时的用时之和（分钟）", en: "total minutes of ended \(en) clocks")
        let denominator = LocalizedText(zh: "「\(zh)」环节已结束计时的工单数", en: "orders whose \(en) clock has ended")
        return IndicatorDefinition(
            id: .averageStageTime, name: LocalizedText(zh: "「\(zh)」平均用时", en: "Average \(en) time"),
            formula: LocalizedText(
                zh: "平均用时 = \(numerator.zh) ÷ \(denominator.zh)（不计中止时间；不含作废、并单工单）",
                en: "Average time = \(numerator.en) ÷ \(denominator.en) (paused time left out; cancelled and merged orders excluded)"),
            numerator: numerator, denominator: denominator, unit: .minutes, higherIsBetter: false)
    }

    /// The average from counters, exact because sums and counts add up.
    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.averageStageTime, Double(counters[stage].seconds) / 60, counters[stage].stopped)
    }

    /// The average over the orders of `facts`.
    public func value(of facts: some Sequence<OrderFact>) -> IndicatorValue {
        value(of: RollupCounters(facts))
    }
}
