/// One indicator's figure for one cut, with the parts it was computed from so a page can explain it.
public struct IndicatorValue: Sendable, Hashable, Codable {
    public let indicator: IndicatorID
    /// The figure in the indicator's unit; nil when there was nothing to measure.
    public let value: Double?
    /// Above the line, for shares, averages and scores (e.g. satisfied + 0.9 × basically satisfied).
    public let numerator: Double?
    /// Below the line, for shares, averages and scores.
    public let denominator: Double?
    /// How many orders, clocks, whistle scores or households the figure rests on.
    public let basis: Int

    public init(indicator: IndicatorID, value: Double?, numerator: Double?, denominator: Double?, basis: Int) {
        self.indicator = indicator
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.basis = basis
    }

    /// `numerator / denominator`, nil when the denominator is zero; the basis is the denominator.
    public static func ratio(_ indicator: IndicatorID, _ numerator: Double, _ denominator: Int) -> IndicatorValue {
        IndicatorValue(
            indicator: indicator, value: denominator == 0 ? nil : numerator / Double(denominator), numerator: numerator,
            denominator: Double(denominator), basis: denominator)
    }

    /// A count of things.
    public static func count(_ indicator: IndicatorID, _ count: Int) -> IndicatorValue {
        IndicatorValue(indicator: indicator, value: Double(count), numerator: nil, denominator: nil, basis: count)
    }

    /// A figure read off `basis` values, such as a percentile.
    public static func figure(_ indicator: IndicatorID, _ value: Double?, basis: Int) -> IndicatorValue {
        IndicatorValue(indicator: indicator, value: value, numerator: nil, denominator: nil, basis: basis)
    }
}
