/// 满意率: evaluated orders weighted by the requester's verdict, by default (satisfied + 0.9 × basically satisfied)
/// ÷ evaluated; dissatisfied counts nothing.
public struct SatisfactionRate: OrderRatioIndicator, Hashable, Codable {
    /// What a satisfied verdict counts, 1 by default.
    public var satisfiedWeight: Double
    /// What a basically satisfied verdict counts, 0.9 by default.
    public var basicallySatisfiedWeight: Double

    public init(satisfiedWeight: Double = 1, basicallySatisfiedWeight: Double = 0.9) {
        self.satisfiedWeight = satisfiedWeight
        self.basicallySatisfiedWeight = basicallySatisfiedWeight
    }

    public var definition: IndicatorDefinition {
        let numerator = LocalizedText(
            zh: "(\(Self.term(satisfiedWeight, "满意数")) + \(Self.term(basicallySatisfiedWeight, "基本满意数")))",
            en: "(\(Self.term(satisfiedWeight, "satisfied")) + \(Self.term(basicallySatisfiedWeight, "basically satisfied")))")
        let denominator = LocalizedText(zh: "已回访评价的工单数", en: "evaluated orders")
        return IndicatorDefinition(
            id: .satisfactionRate, name: LocalizedText(zh: "满意率", en: "Satisfaction rate"),
            formula: LocalizedText(
                zh: "满意率 = \(numerator.zh) ÷ \(denominator.zh)（以最近一次评价为准；不含作废、并单工单）",
                en: "Satisfaction rate = \(numerator.en) ÷ \(denominator.en) (latest evaluation; cancelled and merged orders excluded)"),
            numerator: numerator, denominator: denominator, unit: .share)
    }

    public func denominatorIncludes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.satisfaction != nil
    }

    /// Orders whose verdict carries a positive weight.
    public func numeratorIncludes(_ fact: OrderFact) -> Bool {
        guard denominatorIncludes(fact) else { return false }
        switch fact.satisfaction {
        case .satisfied: return satisfiedWeight > 0
        case .basicallySatisfied: return basicallySatisfiedWeight > 0
        case .dissatisfied, nil: return false
        }
    }

    public func value(of counters: RollupCounters) -> IndicatorValue {
        let weighted =
            satisfiedWeight * Double(counters.satisfied)
            + basicallySatisfiedWeight * Double(counters.basicallySatisfied)
        return .ratio(.satisfactionRate, weighted, counters.evaluated)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        satisfiedWeight = try container.decode(Double.self, forKey: .satisfiedWeight)
        basicallySatisfiedWeight = try container.decode(Double.self, forKey: .basicallySatisfiedWeight)
        guard [satisfiedWeight, basicallySatisfiedWeight].allSatisfy({ $0.isFinite && (0...1).contains($0) }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .basicallySatisfiedWeight, in: container, debugDescription: "Weights must lie in 0…1")
        }
    }

    private static func term(_ weight: Double, _ name: String) -> String {
        weight == 1 ? name : "\(weight.formulaText) × \(name)"
    }
}
