/// How hotspots are found; stored as data so each county can tune them.
public struct HotspotParameters: Sendable, Hashable, Codable {
    /// Orders within this distance (metres) of each other are neighbours (DBSCAN's eps).
    public var radiusMeters: Double
    /// A place needs this many orders within the radius (itself included) to start a hotspot.
    public var minimumOrders: Int
    /// Length of the current window, and of the previous one it is compared with, in hours.
    public var windowHours: Double
    /// Whether each category is clustered on its own; otherwise categories mix in one hotspot.
    public var separatesCategories: Bool
    /// Relative change against the previous window beyond which a hotspot counts as rising or falling.
    public var trendThreshold: Double
    /// How many member ids a hotspot offers as samples.
    public var sampleSize: Int

    /// Creates parameters; the defaults look at one week of orders 300 m apart.
    public init(
        radiusMeters: Double = 300, minimumOrders: Int = 5, windowHours: Double = 168,
        separatesCategories: Bool = true, trendThreshold: Double = 0.25, sampleSize: Int = 5
    ) {
        self.radiusMeters = radiusMeters
        self.minimumOrders = minimumOrders
        self.windowHours = windowHours
        self.separatesCategories = separatesCategories
        self.trendThreshold = trendThreshold
        self.sampleSize = sampleSize
    }
}
