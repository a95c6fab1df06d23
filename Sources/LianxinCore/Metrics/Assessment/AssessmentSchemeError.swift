/// Why an assessment scheme was refused.
public enum AssessmentSchemeError: Error, Sendable, Hashable {
    case missingCode
    case noWeights
    case invalidWeight(IndicatorID)
    case repeatedIndicator(IndicatorID)
    /// Counts and durations have no 0–100 scale, so they cannot be weighed into a score.
    case notScorable(IndicatorID)
    case invalidMinimumOrders
    case invalidDecimals

    /// A message for the admin who edited the scheme, in Chinese or English.
    public func message(english: Bool) -> String {
        switch self {
        case .missingCode:
            english ? "A scheme needs a code." : "考核方案需要编码。"
        case .noWeights:
            english ? "A scheme needs at least one weighted indicator." : "考核方案至少需要一项带权重的指标。"
        case .invalidWeight(let id):
            english ? "The weight of \(id.rawValue) must be a positive number." : "指标 \(id.rawValue) 的权重须为正数。"
        case .repeatedIndicator(let id):
            english ? "The indicator \(id.rawValue) appears more than once." : "指标 \(id.rawValue) 重复出现。"
        case .notScorable(let id):
            english
                ? "The indicator \(id.rawValue) is a count or a duration and cannot be scored; use rates or scores."
                : "指标 \(id.rawValue) 是数量或时长，不能计入综合得分；请使用比率或得分类指标。"
        case .invalidMinimumOrders:
            english ? "The minimum number of orders must not be negative." : "参与排名的最少工单数不能为负数。"
        case .invalidDecimals:
            english ? "Scores are ranked at 0 to 4 decimals." : "得分保留的小数位数须在 0 到 4 之间。"
        }
    }
}
