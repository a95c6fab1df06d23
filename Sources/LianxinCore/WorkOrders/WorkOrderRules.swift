import Foundation

/// The per-deployment choices of the lifecycle, stored with the settings.
public struct WorkOrderRules: Sendable, Hashable, Codable {
    /// Whether a completed order must pass review (审核) before the revisit.
    public var requiresReview: Bool
    /// How long after closing (or evaluation) a resident may reopen their order, in seconds.
    public var residentReopenWindow: TimeInterval
    /// The highest handling level escalation may reach.
    public var highestLevel: DivisionLevel
    /// Whether a dissatisfied or unsolved revisit reopens the order (重办). Only history brought from another
    /// system turns it off: there the old system's verdict stands, and such an order may have been closed anyway.
    public var revisitReopens: Bool

    public init(
        requiresReview: Bool = false, residentReopenWindow: TimeInterval = 7 * 86_400,
        highestLevel: DivisionLevel = .city, revisitReopens: Bool = true
    ) {
        self.requiresReview = requiresReview
        self.residentReopenWindow = residentReopenWindow
        self.highestLevel = highestLevel
        self.revisitReopens = revisitReopens
    }

    /// Reads stored settings, which were written before `revisitReopens` existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requiresReview = try container.decode(Bool.self, forKey: .requiresReview)
        residentReopenWindow = try container.decode(TimeInterval.self, forKey: .residentReopenWindow)
        highestLevel = try container.decode(DivisionLevel.self, forKey: .highestLevel)
        revisitReopens = try container.decodeIfPresent(Bool.self, forKey: .revisitReopens) ?? true
    }

    /// No review step, a seven-day reopen window, escalation up to the city.
    public static let standard = WorkOrderRules()
}
