/// Clips an area to a half-plane, correctly for non-convex areas with holes, producing as many rings as the cut makes.
///
/// Rings are open vertex lists with the area on their left (outer rings counter-clockwise, holes
/// clockwise). Clipping a polygon by a convex cell is one call per cell side. Unlike Sutherland–Hodgman,
/// which joins the pieces of a concave subject with zero-width bridges, this walks the ring into
/// chains that lie inside the half-plane and reconnects them along the cutting line in even–odd order,
/// so every piece comes out as its own ring. A vertex exactly on the line counts as inside, as if the
/// line were moved an infinitesimal step outward; ties along the line are broken by that same step.
enum HalfPlaneClipper {
    /// The part of the area on the left of (or on) the directed line a→b.
    static func clip(_ rings: [[GeoPoint]], toLeftOf a: GeoPoint, _ b: GeoPoint) -> [[GeoPoint]] {
        let dx = b.lon - a.lon, dy = b.lat - a.lat
        func side(_ p: GeoPoint) -> Double { dx * (p.lat - a.lat) - dy * (p.lon - a.lon) }
        func along(_ p: GeoPoint) -> Double { dx * (p.lon - a.lon) + dy * (p.lat - a.lat) }

        var output: [[GeoPoint]] = []
        var chains: [[GeoPoint]] = []
        var crossings: [Crossing] = []
        for ring in rings {
            let sides = ring.map(side)
            let insideCount = sides.count { $0 >= 0 }
            if insideCount == ring.count { output.append(ring); continue }
            if insideCount == 0 { continue }
            let count = ring.count
            // Where the line cuts edge inside→outside (or outside→inside), and how that point slides along the line.
            func crossing(inside: Int, outside: Int) -> (point: GeoPoint, along: Double, slide: Double) {
                let v = ring[inside], u = ring[outside]
                let sv = sides[inside], su = sides[outside]
                let point: GeoPoint
                if sv == 0 {
                    point = v
                } else {
                    let t = sv / (sv - su)
                    point = GeoPoint(lon: v.lon + t * (u.lon - v.lon), lat: v.lat + t * (u.lat - v.lat))
                }
                let slide = (dx * (u.lon - v.lon) + dy * (u.lat - v.lat)) / (sv - su)
                return (point, along(point), slide)
            }
            for start in 0..<count where sides[start] >= 0 && sides[(start + count - 1) % count] < 0 {
                let entry = crossing(inside: start, outside: (start + count - 1) % count)
                var chain = [entry.point]
                var index = start
                while sides[(index + 1) % count] >= 0 {
                    chain.append(ring[index])
                    index = (index + 1) % count
                }
                chain.append(ring[index])
                let exit = crossing(inside: index, outside: (index + 1) % count)
                chain.append(exit.point)
                let chainIndex = chains.count
                chains.append(chain)
                crossings.append(Crossing(along: entry.along, slide: entry.slide, chain: chainIndex, isEntry: true))
                crossings.append(Crossing(along: exit.along, slide: exit.slide, chain: chainIndex, isEntry: false))
            }
        }
        guard !chains.isEmpty else { return output }
        crossings.sort { ($0.along, $0.slide) < ($1.along, $1.slide) }
        // Along the line the area's section is a set of intervals; each joins one chain's exit to another's entry.
        var next = Array(0..<chains.count)
        for pair in stride(from: 0, to: crossings.count - 1, by: 2) {
            let first = crossings[pair], second = crossings[pair + 1]
            if !first.isEntry && second.isEntry { next[first.chain] = second.chain }
            if first.isEntry && !second.isEntry { next[second.chain] = first.chain }
        }
        var used = [Bool](repeating: false, count: chains.count)
        for start in chains.indices where !used[start] {
            var ring: [GeoPoint] = []
            var current = start
            while !used[current] {
                used[current] = true
                ring.append(contentsOf: chains[current])
                current = next[current]
            }
            if let cleaned = cleaned(ring) { output.append(cleaned) }
        }
        return output
    }

    /// A point where the line cuts the area's boundary, ordered along the line.
    private struct Crossing {
        var along: Double
        var slide: Double
        var chain: Int
        var isEntry: Bool
    }

    /// The ring without repeated consecutive vertices, or nil when nothing with area is left.
    private static func cleaned(_ ring: [GeoPoint]) -> [GeoPoint]? {
        var result: [GeoPoint] = []
        for point in ring where result.last != point { result.append(point) }
        while result.count > 1, result.first == result.last { result.removeLast() }
        guard result.count >= 3, LinearRing(result).doubledSignedDegreeArea != 0 else { return nil }
        return result
    }

    /// Groups rings into polygons: counter-clockwise rings are outer rings, clockwise rings holes of the smallest outer ring holding them.
    static func polygons(from rings: [[GeoPoint]]) -> [Polygon] {
        let outers = rings.filter { LinearRing($0).doubledSignedDegreeArea > 0 }
        var holes = [[LinearRing]](repeating: [], count: outers.count)
        for ring in rings where LinearRing(ring).doubledSignedDegreeArea < 0 {
            let probe = ring[0]
            let owner = outers.indices
                .filter { PointInPolygon.ringParity(outers[$0], probe) }
                .min { LinearRing(outers[$0]).doubledSignedDegreeArea < LinearRing(outers[$1]).doubledSignedDegreeArea }
            if let owner { holes[owner].append(LinearRing(closing: ring)) }
        }
        return outers.indices.map { Polygon(outer: LinearRing(closing: outers[$0]), holes: holes[$0]) }
    }
}
