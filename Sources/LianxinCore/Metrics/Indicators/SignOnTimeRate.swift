/// 及时签收率: of the orders a unit signed for (签收), the share signed within the signing limit of their policy,
/// paused time left out. The unit's round that stands counts, as on the order's badges.
public struct SignOnTimeRate: OrderRatioIndicator, Hashable, Codable {
    public init() {}

    public var definition: IndicatorDefinition {
        let numerator = LocalizedText(zh: "在签收时限内签收的工单数", en: "orders signed for within the signing limit")
        let denominator = LocalizedText(zh: "已签收且有签收时限的工单数", en: "orders signed for with a signing limit")
        return IndicatorDefinition(
            id: .signOnTimeRate, name: LocalizedText(zh: "及时签收率", en: "On-time signing rate"),
            formula: LocalizedText(
                zh: "及时签收率 = \(numerator.zh) ÷ \(denominator.zh)（不计中止时间；不含作废、并单、核减工单）",
                en:
                    "On-time signing rate = \(numerator.en) ÷ \(denominator.en) (paused time left out; cancelled, merged and exempted orders excluded)"
            ),
            numerator: numerator, denominator: denominator, unit: .share)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.stage(.sign)?.stoppedAt != nil
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        denominatorIncludes(fact) && fact.stage(.sign)?.met == true
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.signOnTimeRate, Double(counters[.sign].met), counters[.sign].stopped)
    }
}
