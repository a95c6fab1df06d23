import Foundation

/// The per-deployment choices of the lifecycle, stored with the settings.
public struct WorkOrderRules: Sendable, Hashable, Codable {
    /// Whether a completed order must pass review (审核) before the revisit.
    public var requiresReview: Bool
    /// How long after closing (or evaluation) a resident may reopen their order, in seconds.
    public var residentReopenWindow: TimeInterval
    /// The highest handling level escalation may reach.
    public var highestLevel: DivisionLevel

    public init(
        requiresReview: Bool = false, residentReopenWindow: TimeInterval = 7 * 86_400,
        highestLevel: DivisionLevel = .city
    ) {
        self.requiresReview = requiresReview
        self.residentReopenWindow = residentReopenWindow
        self.highestLevel = highestLevel
    }

    /// No review step, a seven-day reopen window, escalation up to the city.
    public static let standard = WorkOrderRules()
}
