/// An axis-aligned box in longitude/latitude, closed on all sides.
public struct BoundingBox: Sendable, Hashable, Codable {
    /// Western edge (smallest longitude).
    public var minLon: Double
    /// Southern edge (smallest latitude).
    public var minLat: Double
    /// Eastern edge (largest longitude).
    public var maxLon: Double
    /// Northern edge (largest latitude).
    public var maxLat: Double

    /// Creates a box from its edges.
    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// The smallest box holding all the points, or nil when there are none.
    public init?(_ points: some Sequence<GeoPoint>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        var box = BoundingBox(minLon: first.lon, minLat: first.lat, maxLon: first.lon, maxLat: first.lat)
        while let point = iterator.next() { box.extend(with: point) }
        self = box
    }

    /// The centre of the box.
    public var center: GeoPoint { GeoPoint(lon: (minLon + maxLon) / 2, lat: (minLat + maxLat) / 2) }

    /// Grows the box to hold the point.
    public mutating func extend(with point: GeoPoint) {
        minLon = Swift.min(minLon, point.lon)
        minLat = Swift.min(minLat, point.lat)
        maxLon = Swift.max(maxLon, point.lon)
        maxLat = Swift.max(maxLat, point.lat)
    }

    /// The smallest box holding both boxes.
    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(
            minLon: Swift.min(minLon, other.minLon), minLat: Swift.min(minLat, other.minLat),
            maxLon: Swift.max(maxLon, other.maxLon), maxLat: Swift.max(maxLat, other.maxLat)
        )
    }

    /// Whether the point lies inside or on the edge of the box.
    public func contains(_ point: GeoPoint) -> Bool {
        point.lon >= minLon && point.lon <= maxLon && point.lat >= minLat && point.lat <= maxLat
    }

    /// Whether the two boxes share at least one point (touching counts).
    public func intersects(_ other: BoundingBox) -> Bool {
        minLon <= other.maxLon && other.minLon <= maxLon && minLat <= other.maxLat && other.minLat <= maxLat
    }
}
