/// How units are scored and ranked (考核方案): weighted indicators, their parameters, and the ranking rules.
/// Stored as data so each city sets its own (一月一督查、一季一评比、一年一考核 may each use their own scheme).
public struct AssessmentScheme: Sendable, Hashable {
    /// A short stable code, e.g. `three-rates`.
    public let code: String
    public let name: LocalizedText
    /// The weighted indicators; each must be a share or a 0–100 score.
    public let weights: [IndicatorWeight]
    /// The parameters of the indicators (e.g. the weight of 基本满意).
    public let indicators: IndicatorSettings
    /// Units with fewer orders in the period (received, less cancelled and merged) are listed but not ranked.
    public let minimumOrders: Int
    /// Scores are rounded to this many decimals before ranking, so units tie exactly when their shown scores do.
    public let decimals: Int

    /// Checks the scheme: a code, positive weights, each indicator once and scorable, sensible ranking rules.
    public init(
        code: String, name: LocalizedText, weights: [IndicatorWeight], indicators: IndicatorSettings = IndicatorSettings(),
        minimumOrders: Int = 5, decimals: Int = 2
    ) throws(AssessmentSchemeError) {
        guard !code.isEmpty else { throw .missingCode }
        guard !weights.isEmpty else { throw .noWeights }
        var seen: Set<IndicatorID> = []
        for part in weights {
            guard part.weight.isFinite, part.weight > 0 else { throw .invalidWeight(part.indicator) }
            guard seen.insert(part.indicator).inserted else { throw .repeatedIndicator(part.indicator) }
            guard let unit = indicators.definition(of: part.indicator)?.unit, unit == .share || unit == .points else {
                throw .notScorable(part.indicator)
            }
        }
        guard minimumOrders >= 0 else { throw .invalidMinimumOrders }
        guard (0...4).contains(decimals) else { throw .invalidDecimals }
        self.code = code
        self.name = name
        self.weights = weights
        self.indicators = indicators
        self.minimumOrders = minimumOrders
        self.decimals = decimals
    }

    /// The three rates (三率) weighted 10 : 45 : 45 for response, resolution and satisfaction, the split Beijing's
    /// 接诉即办 assessment has used; units with fewer than 5 orders are not ranked.
    public static let threeRates: AssessmentScheme = {
        do {
            return try AssessmentScheme(
                code: "three-rates", name: LocalizedText(zh: "三率综合考核", en: "Three rates"),
                weights: [
                    IndicatorWeight(.responseRate, 10), IndicatorWeight(.resolutionRate, 45),
                    IndicatorWeight(.satisfactionRate, 45),
                ])
        } catch {
            preconditionFailure("The built-in scheme is invalid: \(error)")
        }
    }()
}

extension AssessmentScheme: Codable {
    private enum CodingKeys: String, CodingKey {
        case code, name, weights, indicators, minimumOrders, decimals
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                code: container.decode(String.self, forKey: .code),
                name: container.decode(LocalizedText.self, forKey: .name),
                weights: container.decode([IndicatorWeight].self, forKey: .weights),
                indicators: container.decodeIfPresent(IndicatorSettings.self, forKey: .indicators) ?? IndicatorSettings(),
                minimumOrders: container.decodeIfPresent(Int.self, forKey: .minimumOrders) ?? 5,
                decimals: container.decodeIfPresent(Int.self, forKey: .decimals) ?? 2)
        } catch let error as AssessmentSchemeError {
            throw DecodingError.dataCorruptedError(
                forKey: .weights, in: container, debugDescription: error.message(english: true))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(weights, forKey: .weights)
        try container.encode(indicators, forKey: .indicators)
        try container.encode(minimumOrders, forKey: .minimumOrders)
        try container.encode(decimals, forKey: .decimals)
    }
}
