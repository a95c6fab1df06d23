import Foundation

/// A cluster of similar orders in space, time and category (高频共性问题), the seed of a proactive task.
public struct Hotspot: Sendable, Hashable, Codable {
    /// How the hotspot's size moved against the previous window.
    public enum Trend: String, Sendable, Hashable, Codable {
        /// More orders than in the previous window, beyond the threshold.
        case rising
        /// About as many as before.
        case steady
        /// Fewer orders than before, beyond the threshold.
        case falling
    }

    /// Orders of one category in the hotspot.
    public struct CategoryCount: Sendable, Hashable, Codable {
        /// The category.
        public var category: String
        /// How many of the hotspot's orders have it.
        public var count: Int
    }

    /// Number of orders in the hotspot.
    public var count: Int { memberIDs.count }
    /// Mean position of the members.
    public var centroid: GeoPoint
    /// Distance from the centroid to the farthest member, in metres.
    public var radiusMeters: Double
    /// Categories of the members, most frequent first.
    public var categories: [CategoryCount]
    /// When the earliest member was received.
    public var firstReceivedAt: Date
    /// When the latest member was received.
    public var lastReceivedAt: Date
    /// Ids of all members, earliest first.
    public var memberIDs: [String]
    /// A few member ids to show as examples, the latest first.
    public var sampleIDs: [String]
    /// Orders of the same categories around the same place in the previous window.
    public var previousCount: Int
    /// Rising, steady or falling against `previousCount`.
    public var trend: Trend
}
