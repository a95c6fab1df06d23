/// 吹哨报到评分: the mean of the scores departments received for their whistles (一哨一评), 0–100.
public struct WhistleScoreAverage: Hashable, Codable, Sendable {
    public init() {}

    public var definition: IndicatorDefinition {
        let numerator = LocalizedText(zh: "各次“一哨一评”得分之和", en: "sum of the whistle scores")
        let denominator = LocalizedText(zh: "评分次数", en: "number of scores")
        return IndicatorDefinition(
            id: .whistleScore, name: LocalizedText(zh: "吹哨报到平均得分", en: "Average whistle score"),
            formula: LocalizedText(
                zh: "吹哨报到平均得分 = \(numerator.zh) ÷ \(denominator.zh)（百分制）",
                en: "Average whistle score = \(numerator.en) ÷ \(denominator.en) (out of 100)"),
            numerator: numerator, denominator: denominator, unit: .points)
    }

    /// The mean of `scores`; the caller picks the department and period.
    public func value(of scores: [ScoredWhistleEvaluation]) -> IndicatorValue {
        .ratio(.whistleScore, scores.reduce(0) { $0 + $1.score }, scores.count)
    }
}
