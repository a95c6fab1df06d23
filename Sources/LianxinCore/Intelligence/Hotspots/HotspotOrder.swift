import Foundation

/// What hotspot detection needs to know about an order.
public struct HotspotOrder: Sendable, Hashable, Codable {
    /// The order's id.
    public var id: String
    /// Where the problem is.
    public var location: GeoPoint
    /// When the order was received.
    public var receivedAt: Date
    /// The order's category (name or code).
    public var category: String

    /// Creates an order record for clustering.
    public init(id: String, location: GeoPoint, receivedAt: Date, category: String) {
        self.id = id
        self.location = location
        self.receivedAt = receivedAt
        self.category = category
    }
}
