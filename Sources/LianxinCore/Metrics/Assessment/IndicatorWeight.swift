/// One part of a composite score: an indicator and its weight.
public struct IndicatorWeight: Sendable, Hashable, Codable {
    public let indicator: IndicatorID
    public let weight: Double

    public init(_ indicator: IndicatorID, _ weight: Double) {
        self.indicator = indicator
        self.weight = weight
    }
}
