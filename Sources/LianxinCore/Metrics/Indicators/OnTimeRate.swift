/// 按期办结率: the share of completed orders that were completed within their limit, extensions included and
/// paused time left out.
public struct OnTimeRate: OrderRatioIndicator, Hashable, Codable {
    /// The stage whose clock measures completion, `complete` (办结) by default.
    public var stage: SLAStage

    public init(stage: SLAStage = .complete) {
        self.stage = stage
    }

    public var definition: IndicatorDefinition {
        let zh = stage.title(english: false), en = stage.title(english: true)
        let numerator = LocalizedText(zh: "在时限内完成「\(zh)」的工单数", en: "orders whose \(en) stage ended within its limit")
        let denominator = LocalizedText(zh: "已完成「\(zh)」且有时限的工单数", en: "orders whose timed \(en) stage has ended")
        return IndicatorDefinition(
            id: .onTimeRate, name: LocalizedText(zh: "按期办结率", en: "On-time completion rate"),
            formula: LocalizedText(
                zh: "按期办结率 = \(numerator.zh) ÷ \(denominator.zh)（含批准的延期，不计中止时间；不含作废、并单工单）",
                en:
                    "On-time rate = \(numerator.en) ÷ \(denominator.en) (approved extensions count, paused time does not; cancelled and merged orders excluded)"
            ),
            numerator: numerator, denominator: denominator, unit: .share)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.stage(stage)?.stoppedAt != nil
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        denominatorIncludes(fact) && fact.stage(stage)?.met == true
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.onTimeRate, Double(counters[stage].met), counters[stage].stopped)
    }
}
