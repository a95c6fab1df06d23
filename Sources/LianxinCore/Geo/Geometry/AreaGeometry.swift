/// The geometry of an area feature: a GeoJSON Polygon or MultiPolygon.
public enum AreaGeometry: Sendable, Hashable {
    /// A single polygon with optional holes.
    case polygon(Polygon)
    /// Several polygons.
    case multiPolygon(MultiPolygon)

    /// The polygons making up the area (one for `.polygon`).
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let polygon): [polygon]
        case .multiPolygon(let multi): multi.polygons
        }
    }

    /// Every ring of every part, outer rings and holes alike.
    public var rings: [LinearRing] { polygons.flatMap(\.rings) }

    /// The smallest box around the area, or nil when it has no positions.
    public var boundingBox: BoundingBox? {
        switch self {
        case .polygon(let polygon): polygon.boundingBox
        case .multiPolygon(let multi): multi.boundingBox
        }
    }

    /// The same geometry with every position transformed.
    public func mapPositions(_ transform: (GeoPoint) -> GeoPoint) -> AreaGeometry {
        func ring(_ ring: LinearRing) -> LinearRing { LinearRing(ring.positions.map(transform)) }
        func polygon(_ polygon: Polygon) -> Polygon { Polygon(outer: ring(polygon.outer), holes: polygon.holes.map(ring)) }
        switch self {
        case .polygon(let value): return .polygon(polygon(value))
        case .multiPolygon(let value): return .multiPolygon(MultiPolygon(value.polygons.map(polygon)))
        }
    }
}
