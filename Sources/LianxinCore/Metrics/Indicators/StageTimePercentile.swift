/// A percentile of time per stage, p90 by default, by the nearest-rank method (`NearestRank`): exact from facts for
/// reports, or estimated from the rollup histogram for dashboards (`StageHistogram`).
public struct StageTimePercentile: Hashable, Codable, Sendable {
    /// The stage measured, `complete` by default.
    public var stage: SLAStage
    /// The percentile as a share, 0.9 by default.
    public var percentile: Double

    public init(stage: SLAStage = .complete, percentile: Double = 0.9) {
        self.stage = stage
        self.percentile = percentile
    }

    public var definition: IndicatorDefinition {
        let zh = stage.title(english: false), en = stage.title(english: true)
        let p = (percentile * 100).formulaText
        return IndicatorDefinition(
            id: .stageTimePercentile, name: LocalizedText(zh: "「\(zh)」用时P\(p)", en: "P\(p) \(en) time"),
            formula: LocalizedText(
                zh: "将「\(zh)」环节已结束计时的用时（分钟，不计中止时间）从小到大排列，取第 ⌈\(percentile.formulaText) × n⌉ 个（最近秩法）；看板按分桶估算，取该值所在桶的上界",
                en:
                    "Sort the minutes of the ended \(en) clocks (paused time left out) and take the ⌈\(percentile.formulaText) × n⌉-th (nearest rank); dashboards estimate it as the upper bound of the bucket holding it"
            ),
            unit: .minutes, higherIsBetter: false)
    }

    /// The exact percentile over the orders of `facts`, in minutes.
    public func value(of facts: some Sequence<OrderFact>) -> IndicatorValue {
        let seconds = facts.filter(\.isCounted).compactMap { $0.stage(stage)?.durationSeconds }
        let value = NearestRank.percentile(percentile, of: seconds).map { Double($0) / 60 }
        return .figure(.stageTimePercentile, value, basis: seconds.count)
    }

    /// The estimate from counters: the upper bound of the histogram bucket that holds the percentile, in minutes;
    /// nil when it lies beyond the last bound.
    public func estimate(from counters: RollupCounters) -> IndicatorValue {
        let histogram = counters[stage].histogram
        return .figure(.stageTimePercentile, histogram.percentileUpperBound(percentile).map(Double.init), basis: histogram.total)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stage = try container.decode(SLAStage.self, forKey: .stage)
        percentile = try container.decode(Double.self, forKey: .percentile)
        guard percentile > 0, percentile <= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .percentile, in: container, debugDescription: "Must lie in (0, 1]")
        }
    }
}
