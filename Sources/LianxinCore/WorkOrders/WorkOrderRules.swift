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
    /// Whether a completion waits for an on-site check (核查) before the revisit and closing: set per order from its
    /// category's setting.
    public var requiresVerification: Bool

    public init(
        requiresReview: Bool = false, residentReopenWindow: TimeInterval = 7 * 86_400,
        highestLevel: DivisionLevel = .city, revisitReopens: Bool = true, requiresVerification: Bool = false
    ) {
        self.requiresVerification = requiresVerification
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
        requiresVerification = try container.decodeIfPresent(Bool.self, forKey: .requiresVerification) ?? false
    }

    /// No review step, a seven-day reopen window, escalation up to the city.
    public static let standard = WorkOrderRules()
}
