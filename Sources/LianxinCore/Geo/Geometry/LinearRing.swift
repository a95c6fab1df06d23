/// A ring of positions as GeoJSON writes it: closed when the last position repeats the first.
///
/// Geometry functions treat an unclosed ring as if it were closed, so that validation can report it
/// instead of every computation failing on it.
public struct LinearRing: Sendable, Hashable {
    /// The positions exactly as given, including the closing repeat when present.
    public var positions: [GeoPoint]

    /// Creates a ring from positions, keeping them as given.
    public init(_ positions: [GeoPoint]) {
        self.positions = positions
    }

    /// Creates a closed ring from distinct vertices, appending the first vertex at the end when missing.
    public init(closing vertices: [GeoPoint]) {
        var positions = vertices
        if let first = vertices.first, vertices.last != first { positions.append(first) }
        self.positions = positions
    }

    /// Whether the last position repeats the first (and there is at least one).
    public var isClosed: Bool { positions.count > 1 && positions.first == positions.last }

    /// The vertices without the closing repeat.
    public var vertices: ArraySlice<GeoPoint> { isClosed ? positions.dropLast() : positions[...] }

    /// The smallest box around the ring, or nil when it has no positions.
    public var boundingBox: BoundingBox? { BoundingBox(positions) }

    /// Twice the signed area in squared degrees (shoelace): positive when counter-clockwise.
    var doubledSignedDegreeArea: Double {
        let points = vertices
        guard points.count >= 3 else { return 0 }
        let origin = points[points.startIndex]
        var sum = 0.0
        var previous = origin
        for point in points.dropFirst() {
            sum += (previous.lon - origin.lon) * (point.lat - origin.lat) - (point.lon - origin.lon) * (previous.lat - origin.lat)
            previous = point
        }
        return sum
    }

    /// Whether the ring runs counter-clockwise (positive shoelace area).
    public var isCounterClockwise: Bool { doubledSignedDegreeArea > 0 }

    /// The same ring traversed the other way.
    public var reversed: LinearRing { LinearRing(positions.reversed()) }
}
