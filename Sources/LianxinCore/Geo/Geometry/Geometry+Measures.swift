import Foundation

extension LinearRing {
    /// Area enclosed by the ring in square metres on the WGS84 sphere (Chamberlain–Duquette), always positive.
    public var area: Double {
        let points = Array(vertices)
        guard points.count >= 3 else { return 0 }
        var total = 0.0
        for index in points.indices {
            let lower = points[index]
            let middle = points[(index + 1) % points.count]
            let upper = points[(index + 2) % points.count]
            total += (upper.lon - lower.lon) * .pi / 180 * sin(middle.lat * .pi / 180)
        }
        return abs(total * LinearRing.areaRadius * LinearRing.areaRadius / 2)
    }

    /// The WGS84 equatorial radius, as GeoJSON tools use for ring areas.
    static let areaRadius = 6_378_137.0
}

extension Polygon {
    /// Area in square metres: the outer ring's minus the holes'.
    public var area: Double { max(0, outer.area - holes.reduce(0) { $0 + $1.area }) }

    /// The centre of mass of the area (holes excluded), or the mean vertex when the area is degenerate.
    public var centroid: GeoPoint? { AreaCentroid.centroid(of: [self]) }
}

extension MultiPolygon {
    /// Area in square metres, the sum of the parts.
    public var area: Double { polygons.reduce(0) { $0 + $1.area } }

    /// The centre of mass of all parts together.
    public var centroid: GeoPoint? { AreaCentroid.centroid(of: polygons) }
}

extension AreaGeometry {
    /// Area in square metres.
    public var area: Double { polygons.reduce(0) { $0 + $1.area } }

    /// The centre of mass of the area.
    public var centroid: GeoPoint? { AreaCentroid.centroid(of: polygons) }
}

/// Area-weighted centroid computed in a local metric projection.
enum AreaCentroid {
    static func centroid(of polygons: [Polygon]) -> GeoPoint? {
        let all = polygons.flatMap { $0.rings.flatMap(\.vertices) }
        guard let box = BoundingBox(all) else { return nil }
        let projection = LocalProjection(origin: box.center)
        var weight = 0.0, sumX = 0.0, sumY = 0.0
        for polygon in polygons {
            for (index, ring) in polygon.rings.enumerated() {
                let (area, x, y) = ringMoments(ring, projection)
                // Outer rings add mass, holes remove it, whatever their winding.
                let signedWeight = index == 0 ? abs(area) : -abs(area)
                guard area != 0 else { continue }
                weight += signedWeight
                sumX += signedWeight * x
                sumY += signedWeight * y
            }
        }
        if weight > 0 { return projection.unproject(x: sumX / weight, y: sumY / weight) }
        let count = Double(all.count)
        return GeoPoint(lon: all.reduce(0) { $0 + $1.lon } / count, lat: all.reduce(0) { $0 + $1.lat } / count)
    }

    /// Signed area and centroid of one ring in projected metres.
    private static func ringMoments(_ ring: LinearRing, _ projection: LocalProjection) -> (area: Double, x: Double, y: Double) {
        let points = ring.vertices.map(projection.project)
        guard points.count >= 3 else { return (0, 0, 0) }
        var doubledArea = 0.0, cx = 0.0, cy = 0.0
        for index in points.indices {
            let a = points[index]
            let b = points[(index + 1) % points.count]
            let cross = a.x * b.y - b.x * a.y
            doubledArea += cross
            cx += (a.x + b.x) * cross
            cy += (a.y + b.y) * cross
        }
        guard doubledArea != 0 else { return (0, 0, 0) }
        return (doubledArea / 2, cx / (3 * doubledArea), cy / (3 * doubledArea))
    }
}
