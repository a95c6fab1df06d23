/// An area projected to local metres as a bag of edges, for exact even–odd area computations.
struct PlanarRegion {
    struct Edge {
        var x0: Double, y0: Double, x1: Double, y1: Double
    }

    private(set) var edges: [Edge] = []
    private(set) var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity

    /// Projects every ring of the area (closing open rings).
    init(_ geometry: AreaGeometry, _ projection: LocalProjection) {
        for ring in geometry.rings {
            let points = ring.vertices.map(projection.project)
            guard points.count >= 3 else { continue }
            for (index, a) in points.enumerated() {
                let b = points[(index + 1) % points.count]
                if a.x == b.x && a.y == b.y { continue }
                edges.append(Edge(x0: a.x, y0: a.y, x1: b.x, y1: b.y))
                minX = min(minX, a.x); maxX = max(maxX, a.x)
                minY = min(minY, a.y); maxY = max(maxY, a.y)
            }
        }
    }

    private init(edges: [Edge], box: (Double, Double, Double, Double)) {
        self.edges = edges
        (minX, minY, maxX, maxY) = box
    }

    /// The edges that reach into the horizontal band low…high; enough for every even–odd question inside it.
    func band(_ low: Double, _ high: Double) -> PlanarRegion {
        PlanarRegion(edges: edges.filter { max($0.y0, $0.y1) >= low && min($0.y0, $0.y1) <= high }, box: (minX, minY, maxX, maxY))
    }

    /// Area in square metres, outer rings minus holes (even–odd), by the shoelace formula.
    var area: Double {
        abs(edges.reduce(0) { $0 + ($1.x0 * $1.y1 - $1.x1 * $1.y0) }) / 2
    }

    /// The sorted abscissae where the horizontal line at y crosses the boundary.
    func crossings(atY y: Double, into xs: inout [Double]) {
        xs.removeAll(keepingCapacity: true)
        for edge in edges where (edge.y0 > y) != (edge.y1 > y) {
            xs.append(edge.x0 + (y - edge.y0) * (edge.x1 - edge.x0) / (edge.y1 - edge.y0))
        }
        xs.sort()
    }

    /// Area of the intersection of two regions in square metres, exact up to rounding.
    ///
    /// Between consecutive "event" latitudes (vertices and edge crossings) the width of the
    /// intersection varies linearly, so measuring it mid-slab and multiplying by the slab height
    /// integrates it exactly.
    static func intersectionArea(_ first: PlanarRegion, _ second: PlanarRegion) -> Double {
        let low = max(first.minY, second.minY), high = min(first.maxY, second.maxY)
        guard low < high, max(first.minX, second.minX) < min(first.maxX, second.maxX) else { return 0 }
        let a = first.band(low, high), b = second.band(low, high)
        var events = [low, high]
        for edge in a.edges + b.edges {
            for y in [edge.y0, edge.y1] where y > low && y < high { events.append(y) }
        }
        for e in a.edges {
            for f in b.edges {
                if let y = crossingY(e, f), y > low, y < high { events.append(y) }
            }
        }
        events.sort()
        var area = 0.0
        var xa: [Double] = [], xb: [Double] = []
        for (y0, y1) in zip(events, events.dropFirst()) where y1 > y0 {
            let middle = (y0 + y1) / 2
            a.crossings(atY: middle, into: &xa)
            b.crossings(atY: middle, into: &xb)
            area += overlapLength(xa, xb) * (y1 - y0)
        }
        return area
    }

    /// The latitude where two edges cross properly, if they do.
    private static func crossingY(_ e: Edge, _ f: Edge) -> Double? {
        guard max(e.x0, e.x1) >= min(f.x0, f.x1), max(f.x0, f.x1) >= min(e.x0, e.x1),
            max(e.y0, e.y1) >= min(f.y0, f.y1), max(f.y0, f.y1) >= min(e.y0, e.y1)
        else { return nil }
        let dx1 = e.x1 - e.x0, dy1 = e.y1 - e.y0, dx2 = f.x1 - f.x0, dy2 = f.y1 - f.y0
        let denominator = dx1 * dy2 - dy1 * dx2
        guard denominator != 0 else { return nil }
        let t = ((f.x0 - e.x0) * dy2 - (f.y0 - e.y0) * dx2) / denominator
        let u = ((f.x0 - e.x0) * dy1 - (f.y0 - e.y0) * dx1) / denominator
        guard t > 0, t < 1, u > 0, u < 1 else { return nil }
        return e.y0 + t * dy1
    }

    /// Total length of the intersection of two even–odd interval lists.
    private static func overlapLength(_ xa: [Double], _ xb: [Double]) -> Double {
        var total = 0.0
        var i = 0, j = 0
        while i + 1 < xa.count, j + 1 < xb.count {
            let start = max(xa[i], xb[j]), end = min(xa[i + 1], xb[j + 1])
            if end > start { total += end - start }
            if xa[i + 1] < xb[j + 1] { i += 2 } else { j += 2 }
        }
        return total
    }
}
