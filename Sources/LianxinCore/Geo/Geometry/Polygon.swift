/// A polygon: one outer ring and any number of holes.
public struct Polygon: Sendable, Hashable {
    /// The outer boundary.
    public var outer: LinearRing
    /// The holes, each inside the outer ring.
    public var holes: [LinearRing]

    /// Creates a polygon from its outer ring and holes.
    public init(outer: LinearRing, holes: [LinearRing] = []) {
        self.outer = outer
        self.holes = holes
    }

    /// The outer ring followed by the holes.
    public var rings: [LinearRing] { [outer] + holes }

    /// The smallest box around the outer ring, or nil when it has no positions.
    public var boundingBox: BoundingBox? { outer.boundingBox }

    /// The same polygon with the outer ring counter-clockwise and the holes clockwise (the GeoJSON right-hand rule).
    public var normalizedOrientation: Polygon {
        Polygon(
            outer: outer.isCounterClockwise ? outer : outer.reversed,
            holes: holes.map { $0.isCounterClockwise ? $0.reversed : $0 }
        )
    }
}
