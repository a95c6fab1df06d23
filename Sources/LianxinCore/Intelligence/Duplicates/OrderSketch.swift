import Foundation

/// What the duplicate finder needs to know about an order: text, place, time and caller.
public struct OrderSketch: Sendable, Hashable, Codable {
    /// The order's id; empty for an order still being taken.
    public var id: String
    /// Title and description.
    public var text: String
    /// Where the problem is, when known.
    public var location: GeoPoint?
    /// When the order was received.
    public var receivedAt: Date
    /// A hash of the caller's phone number, when known (never the number itself).
    public var callerHash: String?

    /// Creates a sketch.
    public init(id: String = "", text: String, location: GeoPoint? = nil, receivedAt: Date, callerHash: String? = nil) {
        self.id = id
        self.text = text
        self.location = location
        self.receivedAt = receivedAt
        self.callerHash = callerHash
    }
}
