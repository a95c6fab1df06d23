/// The composite score (综合得分) of one unit under a scheme.
///
/// Each weighted indicator becomes a 0–100 score: a share s scores 100 × s, or 100 × (1 − s) where lower is
/// better; a score p counts as p, or 100 − p where lower is better. The composite is Σ weight × score ÷ Σ weight
/// over the indicators that have a figure: one with nothing to measure (no evaluated orders, no whistles) is left
/// out and the others' weights are scaled up to fill its place. With no figure at all there is no score.
extension AssessmentScheme {
    /// The composite's names and formula, with the weights filled in.
    public var definition: IndicatorDefinition {
        let total = weights.reduce(0) { $0 + $1.weight }
        func terms(english: Bool) -> String {
            weights.map { part in
                let definition = indicators.definition(of: part.indicator)
                let name = definition?.name.text(english: english) ?? part.indicator.rawValue
                return "\(part.weight.formulaText) × \(definition?.higherIsBetter == false ? "(100 − \(name))" : name)"
            }.joined(separator: " + ")
        }
        return IndicatorDefinition(
            id: .compositeScore, name: LocalizedText(zh: "综合得分", en: "Composite score"),
            formula: LocalizedText(
                zh: "综合得分 = (\(terms(english: false))) ÷ \(total.formulaText)；比率按百分制计分（95% 计 95 分）；无数据的指标不计，其权重按比例分摊给其余指标",
                en:
                    "Composite score = (\(terms(english: true))) ÷ \(total.formulaText); rates count as points out of 100 (95 % counts 95); an indicator without data is left out and its weight shared by the others"
            ),
            numerator: LocalizedText(zh: "各指标得分 × 权重之和", en: "sum of weight × indicator score"),
            denominator: LocalizedText(zh: "有数据的指标权重之和", en: "sum of the weights of indicators with data"),
            unit: .points)
    }

    /// The composite score from a unit's indicator figures; figures of indicators not in the scheme are ignored.
    public func score(_ values: [IndicatorValue]) -> IndicatorValue {
        var weighted = 0.0, totalWeight = 0.0, used = 0
        for part in weights {
            guard let definition = indicators.definition(of: part.indicator),
                let value = values.first(where: { $0.indicator == part.indicator })?.value
            else { continue }
            let score = definition.unit == .share ? 100 * value : value
            weighted += part.weight * (definition.higherIsBetter ? score : 100 - score)
            totalWeight += part.weight
            used += 1
        }
        return IndicatorValue(
            indicator: .compositeScore, value: used == 0 ? nil : weighted / totalWeight, numerator: weighted,
            denominator: totalWeight, basis: used)
    }
}
