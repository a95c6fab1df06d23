/// Why points were earned or spent.
public enum PointsReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Earned for hours of volunteer service.
    case serviceHours
    /// Earned for fulfilling a 微心愿.
    case wishFulfilled
    /// Earned for attending an activity or event.
    case eventAttended
    /// Spent at a caring merchant (积分兑换).
    case exchange
    /// A correction by an administrator, up or down.
    case adjustment
    /// Earned by a household for its conduct as the village assessed it (以评弘德, 党员积分制's household points); the
    /// ledger's holder is then the household, which spends at the same merchants (积分超市).
    case householdConduct

    /// Whether an entry of this kind may carry `amount`: earnings add, exchanges spend, adjustments go either way.
    func allows(_ amount: Int) -> Bool {
        switch self {
        case .serviceHours, .wishFulfilled, .eventAttended, .householdConduct: amount > 0
        case .exchange: amount < 0
        case .adjustment: amount != 0
        }
    }
}
