/// Areas flattened into one array of points, so that a point-in-polygon test reads one contiguous run.
///
/// An area's rings are stored one after another, each closed, followed by the first vertices of the
/// earlier rings in reverse order. The run therefore also holds "bridge" edges from each ring to the
/// next and the same bridges walked back; a bridge and its return cross any ray identically, so they
/// cancel in the even–odd count, and one loop over the run tests all rings of all parts.
struct FlatPolygons: Sendable {
    /// All runs, back to back.
    private(set) var points: [GeoPoint] = []
    /// Area a's run is `points[runStarts[a] ..< runStarts[a + 1]]`.
    private(set) var runStarts: [Int32] = [0]
    /// Ring r (without bridges) is `points[ringBounds[r].start ..< ringBounds[r].end]`; used to build the index.
    private(set) var ringBounds: [(start: Int32, end: Int32)] = []
    /// Area a's rings are `ringBounds[areaRingStarts[a] ..< areaRingStarts[a + 1]]`.
    private(set) var areaRingStarts: [Int32] = [0]
    /// Each area's bounding box; an area without positions gets an inverted box that meets nothing.
    private(set) var boxes: [BoundingBox] = []

    init(_ geometries: [AreaGeometry]) {
        for geometry in geometries {
            var box = BoundingBox(minLon: .infinity, minLat: .infinity, maxLon: -.infinity, maxLat: -.infinity)
            var firstVertices: [GeoPoint] = []
            for ring in geometry.rings where !ring.positions.isEmpty {
                let start = Int32(points.count)
                points.append(contentsOf: ring.positions)
                if !ring.isClosed { points.append(ring.positions[0]) }
                ringBounds.append((start, Int32(points.count)))
                firstVertices.append(ring.positions[0])
                for point in ring.positions { box.extend(with: point) }
            }
            points.append(contentsOf: firstVertices.dropLast().reversed())
            runStarts.append(Int32(points.count))
            areaRingStarts.append(Int32(ringBounds.count))
            boxes.append(box)
        }
    }

    /// Number of areas.
    var count: Int { boxes.count }

    /// Calls `body` with the endpoints of every ring edge of area `area` (bridges excluded).
    func forEachEdge(of area: Int, _ body: (GeoPoint, GeoPoint) -> Void) {
        for ring in Int(areaRingStarts[area])..<Int(areaRingStarts[area + 1]) {
            let (start, end) = ringBounds[ring]
            var index = Int(start)
            while index < Int(end) - 1 {
                body(points[index], points[index + 1])
                index += 1
            }
        }
    }

    /// Calls `body` with unsafe views of the runs, valid only inside it.
    func withView<Result>(_ body: (View) -> Result) -> Result {
        points.withUnsafeBufferPointer { points in
            runStarts.withUnsafeBufferPointer { runStarts in
                body(View(points: points, runStarts: runStarts))
            }
        }
    }

    /// Unchecked access to the runs for hot loops.
    struct View {
        let points: UnsafeBufferPointer<GeoPoint>
        let runStarts: UnsafeBufferPointer<Int32>

        /// Whether area `area` contains (x, y) under the half-open boundary rule.
        @inline(__always)
        func contains(_ area: Int, _ x: Double, _ y: Double) -> Bool {
            var index = Int(runStarts[area])
            let last = Int(runStarts[area + 1]) - 1
            guard index < last else { return false }
            var inside = false
            var a = points[index]
            while index < last {
                let b = points[index + 1]
                if PointInPolygon.crosses(a.lon, a.lat, b.lon, b.lat, x, y) { inside.toggle() }
                a = b
                index += 1
            }
            return inside
        }
    }
}
