/// Point-in-polygon by crossing parity, with a half-open rule for points on a boundary.
///
/// **Boundary rule.** A point belongs to the area that contains the point moved an infinitesimal step
/// east and a still smaller step north. So a point on a north–south edge belongs to the area east of
/// it, a point on an east–west edge to the area north of it, and a shared vertex to the area that
/// lies just north-east of it. In a partition (grids that tile a community without gaps or overlaps)
/// every point therefore belongs to exactly one grid, including points on shared edges, shared
/// vertices and hole boundaries; a point on the western or southern edge of the whole partition is
/// inside, on the eastern or northern edge outside. The predicates are exact, so the rule holds for
/// every double, not only for well-separated points.
enum PointInPolygon {
    /// Whether the eastward ray from (x, y) crosses the edge a→b under the half-open rule.
    @inline(__always)
    static func crosses(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ x: Double, _ y: Double) -> Bool {
        // The edge spans [lower y, upper y): a vertex at the point's latitude counts for the edge above it.
        guard (ay > y) != (by > y) else { return false }
        // The point must be strictly west of the edge; on the edge it is east (the "step east").
        let side = RobustOrientation.sign(ax, ay, bx, by, x, y)
        return by > ay ? side > 0 : side < 0
    }

    /// Crossing parity of a ring, closing it implicitly when the last position does not repeat the first.
    static func ringParity(_ positions: [GeoPoint], _ point: GeoPoint) -> Bool {
        guard var previous = positions.last else { return false }
        var inside = false
        for current in positions {
            if crosses(previous.lon, previous.lat, current.lon, current.lat, point.lon, point.lat) { inside.toggle() }
            previous = current
        }
        return inside
    }

    /// Even–odd parity over several rings: the holes of a polygon and the parts of a multi-polygon.
    static func parity(_ rings: [LinearRing], _ point: GeoPoint) -> Bool {
        var inside = false
        for ring in rings where ringParity(ring.positions, point) { inside.toggle() }
        return inside
    }
}

extension Polygon {
    /// Whether the polygon contains the point; a point on the boundary counts when the polygon lies just north-east of it.
    ///
    /// Precisely: the point belongs to the polygon that contains it moved an infinitesimal step east
    /// and a smaller step north. So of two grids sharing an edge exactly one contains each point of it.
    public func contains(_ point: GeoPoint) -> Bool {
        guard let box = boundingBox, box.contains(point) else { return false }
        return PointInPolygon.parity(rings, point)
    }
}

extension MultiPolygon {
    /// Whether any part contains the point, under the half-open boundary rule.
    public func contains(_ point: GeoPoint) -> Bool {
        polygons.contains { $0.contains(point) }
    }
}

extension AreaGeometry {
    /// Whether the area contains the point, under the half-open boundary rule.
    public func contains(_ point: GeoPoint) -> Bool {
        polygons.contains { $0.contains(point) }
    }
}
