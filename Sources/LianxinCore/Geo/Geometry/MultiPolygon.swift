/// Several polygons that together form one area (for example a grid split by a river).
public struct MultiPolygon: Sendable, Hashable {
    /// The parts, which must not overlap.
    public var polygons: [Polygon]

    /// Creates a multi-polygon from its parts.
    public init(_ polygons: [Polygon]) {
        self.polygons = polygons
    }

    /// The smallest box around all parts, or nil when there are none.
    public var boundingBox: BoundingBox? {
        polygons.compactMap(\.boundingBox).reduce(nil) { partial, box in partial?.union(box) ?? box }
    }
}
