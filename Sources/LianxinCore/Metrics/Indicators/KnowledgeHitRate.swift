/// 知识库命中率: of the consultations answered on the call, the share the operator answered from a knowledge-base
/// entry (the desk records which entry answered).
public struct KnowledgeHitRate: OrderRatioIndicator, Hashable, Codable {
    public init() {}

    public var definition: IndicatorDefinition {
        let numerator = LocalizedText(zh: "引用知识库条目答复的工单数", en: "direct answers taken from a knowledge-base entry")
        let denominator = LocalizedText(zh: "直接答复办结的工单数", en: "orders answered and closed on the call")
        return IndicatorDefinition(
            id: .knowledgeHitRate, name: LocalizedText(zh: "知识库命中率", en: "Knowledge-base hit rate"),
            formula: LocalizedText(
                zh: "知识库命中率 = \(numerator.zh) ÷ \(denominator.zh)（不含作废、并单、核减工单）",
                en: "Hit rate = \(numerator.en) ÷ \(denominator.en) (cancelled, merged and exempted orders excluded)"),
            numerator: numerator, denominator: denominator, unit: .share)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.answeredDirectly == true
    }

    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        denominatorIncludes(fact) && fact.answeredFromKnowledge == true
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        .ratio(.knowledgeHitRate, Double(counters.answeredFromKnowledge), counters.answeredDirectly)
    }
}
