/// The stable code of an indicator, used in the API, in assessment schemes and in stored reports.
public enum IndicatorID: String, Sendable, Hashable, Codable, CaseIterable {
    case responseRate
    case resolutionRate
    case satisfactionRate
    case onTimeRate
    case closureRate
    case reopenRate
    case extensionRate
    case overdueOpenCount
    case averageStageTime
    case stageTimePercentile
    case whistleScore
    case visitCoverage
    case proactiveTaskCount
    case directAnswerRate
    case knowledgeHitRate
    case signOnTimeRate
    case returnRate
    case revisitRate
    case exemptionRate
    case repeatRate
    case compositeScore
}
