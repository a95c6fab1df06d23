/// What an indicator is, for pages and the API: its names, its formula as configured, and what is counted above
/// and below the line.
public struct IndicatorDefinition: Sendable, Hashable, Codable {
    public let id: IndicatorID
    public let name: LocalizedText
    /// The formula in words, with the configured parameters filled in.
    public let formula: LocalizedText
    /// What is counted above the line; nil for counts and percentiles.
    public let numerator: LocalizedText?
    /// What is counted below the line; nil for counts and percentiles.
    public let denominator: LocalizedText?
    public let unit: IndicatorUnit
    /// Whether a higher figure is better (a lower reopen rate is better).
    public let higherIsBetter: Bool

    public init(
        id: IndicatorID, name: LocalizedText, formula: LocalizedText, numerator: LocalizedText? = nil,
        denominator: LocalizedText? = nil, unit: IndicatorUnit, higherIsBetter: Bool = true
    ) {
        self.id = id
        self.name = name
        self.formula = formula
        self.numerator = numerator
        self.denominator = denominator
        self.unit = unit
        self.higherIsBetter = higherIsBetter
    }
}
