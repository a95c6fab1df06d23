import Foundation

/// What the machine needs to start an order; the request's content lives in the order row, not here.
public struct WorkOrderIntake: Sendable, Hashable, Codable {
    public let orderID: UUID
    public let tier: Tier
    public let priority: Priority
    /// The level that will handle it; defaults to the tier's.
    public let handlingLevel: DivisionLevel

    public init(orderID: UUID, tier: Tier = .simple, priority: Priority = .normal, handlingLevel: DivisionLevel? = nil) {
        self.orderID = orderID
        self.tier = tier
        self.priority = priority
        self.handlingLevel = handlingLevel ?? tier.defaultHandlingLevel
    }
}
