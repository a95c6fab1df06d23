/// Every indicator with its configured parameters, stored with the settings or with an assessment scheme.
/// Coded as an object keyed by indicator id; an indicator left out keeps its defaults.
public struct IndicatorSettings: Sendable, Hashable, Codable {
    public var responseRate: ResponseRate
    public var resolutionRate: ResolutionRate
    public var satisfactionRate: SatisfactionRate
    public var onTimeRate: OnTimeRate
    public var closureRate: ClosureRate
    public var reopenRate: ReopenRate
    public var extensionRate: ExtensionRate
    public var overdueOpenCount: OverdueOpenCount
    public var averageStageTime: AverageStageTime
    public var stageTimePercentile: StageTimePercentile
    public var whistleScore: WhistleScoreAverage
    public var visitCoverage: VisitCoverage
    public var proactiveTaskCount: ProactiveTaskCount
    public var directAnswerRate: DirectAnswerRate
    public var knowledgeHitRate: KnowledgeHitRate
    public var signOnTimeRate: SignOnTimeRate
    public var returnRate: ReturnRate
    public var revisitRate: RevisitRate
    public var exemptionRate: ExemptionRate
    public var repeatRate: RepeatRate

    /// Every indicator with its defaults.
    public init() {
        responseRate = ResponseRate()
        resolutionRate = ResolutionRate()
        satisfactionRate = SatisfactionRate()
        onTimeRate = OnTimeRate()
        closureRate = ClosureRate()
        reopenRate = ReopenRate()
        extensionRate = ExtensionRate()
        overdueOpenCount = OverdueOpenCount()
        averageStageTime = AverageStageTime()
        stageTimePercentile = StageTimePercentile()
        whistleScore = WhistleScoreAverage()
        visitCoverage = VisitCoverage()
        proactiveTaskCount = ProactiveTaskCount()
        directAnswerRate = DirectAnswerRate()
        knowledgeHitRate = KnowledgeHitRate()
        signOnTimeRate = SignOnTimeRate()
        returnRate = ReturnRate()
        revisitRate = RevisitRate()
        exemptionRate = ExemptionRate()
        repeatRate = RepeatRate()
    }

    /// The shares of orders, in the order pages show them.
    public var orderRatios: [any OrderRatioIndicator] {
        [
            responseRate, resolutionRate, satisfactionRate, onTimeRate, closureRate, reopenRate, extensionRate,
            directAnswerRate, knowledgeHitRate, signOnTimeRate, returnRate, revisitRate, exemptionRate, repeatRate,
        ]
    }

    /// The definitions of every indicator but the composite score, which belongs to an `AssessmentScheme`.
    public var definitions: [IndicatorDefinition] {
        orderRatios.map(\.definition) + [
            overdueOpenCount.definition, averageStageTime.definition, stageTimePercentile.definition,
            whistleScore.definition, visitCoverage.definition, proactiveTaskCount.definition,
        ]
    }

    /// The definition of `id`; nil for the composite score.
    public func definition(of id: IndicatorID) -> IndicatorDefinition? {
        definitions.first { $0.id == id }
    }

    /// The figures a dashboard reads from the counters of a cut: the shares, the average stage time, and the
    /// percentile estimated from the histogram.
    public func values(of counters: RollupCounters) -> [IndicatorValue] {
        orderRatios.map { $0.value(of: counters) }
            + [averageStageTime.value(of: counters), stageTimePercentile.estimate(from: counters)]
    }

    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func read<Indicator: Decodable>(_ path: WritableKeyPath<IndicatorSettings, Indicator>, _ key: CodingKeys) throws {
            if let indicator = try container.decodeIfPresent(Indicator.self, forKey: key) { self[keyPath: path] = indicator }
        }
        try read(\.responseRate, .responseRate)
        try read(\.resolutionRate, .resolutionRate)
        try read(\.satisfactionRate, .satisfactionRate)
        try read(\.onTimeRate, .onTimeRate)
        try read(\.closureRate, .closureRate)
        try read(\.reopenRate, .reopenRate)
        try read(\.extensionRate, .extensionRate)
        try read(\.overdueOpenCount, .overdueOpenCount)
        try read(\.averageStageTime, .averageStageTime)
        try read(\.stageTimePercentile, .stageTimePercentile)
        try read(\.whistleScore, .whistleScore)
        try read(\.visitCoverage, .visitCoverage)
        try read(\.proactiveTaskCount, .proactiveTaskCount)
        try read(\.directAnswerRate, .directAnswerRate)
        try read(\.knowledgeHitRate, .knowledgeHitRate)
        try read(\.signOnTimeRate, .signOnTimeRate)
        try read(\.returnRate, .returnRate)
        try read(\.revisitRate, .revisitRate)
        try read(\.exemptionRate, .exemptionRate)
        try read(\.repeatRate, .repeatRate)
    }
}
