/// 重复诉求率: the share of the calls received that were the same requester calling again about a problem already
/// open (重复诉求), linked to the first order instead of being counted as a new one.
public struct RepeatRate: OrderRatioIndicator, Hashable, Codable {
    public init() {}

    public var definition: IndicatorDefinition {
        let numerator = LocalizedText(zh: "关联为重复诉求的来电数", en: "calls linked as a repeat of an open order")
        let denominator = LocalizedText(zh: "受理的来电总数（含作废、并单）", en: "calls received, cancelled and merged ones included")
        return IndicatorDefinition(
            id: .repeatRate, name: LocalizedText(zh: "重复诉求率", en: "Repeat request rate"),
            formula: LocalizedText(
                zh: "重复诉求率 = \(numerator.zh) ÷ \(denominator.zh)（同一诉求人就同一问题在时限内再次来电）",
                en: "Repeat rate = \(numerator.en) ÷ \(denominator.en) (the same requester about the same problem within the window)"),
            numerator: numerator, denominator: denominator, unit: .share, higherIsBetter: false)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        true
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        !fact.isCancelled && fact.isMergedChild && fact.linkedAsRepeat == true
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.repeatRate, Double(counters.repeatLinked), counters.received)
    }
}
