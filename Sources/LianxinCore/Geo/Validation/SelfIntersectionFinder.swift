/// Finds where a polygon's rings cross or touch.
///
/// Neighbouring edges of a ring may share their vertex but not fold back onto each other; any other
/// contact, within a ring or between rings, is reported. Predicates are exact. `firstContact` is a
/// Shamos–Hoey sweep (`SweepIntersection`), O(n log n) whatever the shape; `firstContactByPairs`,
/// the earlier sort-and-sweep over edge extents, compares every pair whose longitudes overlap — fast
/// on ordinary rings, quadratic on a long thin or zigzag one — and is kept as the reference the
/// sweep is tested against.
enum SelfIntersectionFinder {
    struct Edge {
        var a: GeoPoint
        var b: GeoPoint
        var ring: Int
        var index: Int
        var ringSize: Int
        var minX: Double { min(a.lon, b.lon) }
        var maxX: Double { max(a.lon, b.lon) }
        var minY: Double { min(a.lat, b.lat) }
        var maxY: Double { max(a.lat, b.lat) }
    }

    /// A point near the first contact found, or nil when the rings are simple and disjoint.
    static func firstContact(in rings: [LinearRing]) -> GeoPoint? {
        SweepIntersection.firstContact(among: edges(of: rings))
    }

    /// The ring edges, without repeated vertices or the closing one; rings of fewer than 3 vertices are skipped.
    static func edges(of rings: [LinearRing]) -> [Edge] {
        var edges: [Edge] = []
        for (ringIndex, ring) in rings.enumerated() {
            var vertices: [GeoPoint] = []
            for point in ring.vertices where vertices.last != point { vertices.append(point) }
            while vertices.count > 1, vertices.first == vertices.last { vertices.removeLast() }
            guard vertices.count >= 3 else { continue }
            for index in vertices.indices {
                edges.append(
                    Edge(
                        a: vertices[index], b: vertices[(index + 1) % vertices.count],
                        ring: ringIndex, index: index, ringSize: vertices.count
                    ))
            }
        }
        return edges
    }

    /// The pairwise reference: quadratic when many edges overlap in longitude.
    static func firstContactByPairs(in rings: [LinearRing]) -> GeoPoint? {
        var edges = edges(of: rings)
        edges.sort { $0.minX < $1.minX }
        for first in edges.indices {
            let e = edges[first]
            var second = first + 1
            while second < edges.count, edges[second].minX <= e.maxX {
                let f = edges[second]
                second += 1
                guard f.minY <= e.maxY, f.maxY >= e.minY else { continue }
                if let contact = contact(e, f) { return contact }
            }
        }
        return nil
    }

    static func contact(_ e: Edge, _ f: Edge) -> GeoPoint? {
        if e.ring == f.ring {
            let gap = abs(e.index - f.index)
            if gap == 1 || gap == e.ringSize - 1 {
                // Neighbours: (p→q, q→r) is bad only when r folds back along p→q.
                let (p, q, r) = e.b == f.a ? (e.a, e.b, f.b) : (f.a, f.b, e.b)
                let collinear = RobustOrientation.sign(p.lon, p.lat, q.lon, q.lat, r.lon, r.lat) == 0
                let backwards = (q.lon - p.lon) * (r.lon - q.lon) + (q.lat - p.lat) * (r.lat - q.lat) < 0
                return collinear && backwards ? q : nil
            }
        }
        return SegmentIntersection.contact(e.a, e.b, f.a, f.b)
    }
}
