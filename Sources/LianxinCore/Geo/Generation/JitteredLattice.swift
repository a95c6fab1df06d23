import Foundation

/// The jittered quadrilateral lattice behind `GridGenerator`, and the cutting of an area into its cells.
struct JitteredLattice {
    let columns: Int
    let rows: Int
    let originX: Double, originY: Double, stepX: Double, stepY: Double
    /// Corner (i, j) for i in 0...columns, j in 0...rows, at index j * (columns + 1) + i.
    let corners: [GeoPoint]

    /// Lays a lattice over the box with about `targetCount` cells inside an area of `area` square metres.
    init(box: BoundingBox, area: Double, options: GridGenerator.Options, random: inout SeededRandom) {
        let cellCount = Double(options.targetCount) / (1 + options.enclaveShare)
        let side = (area / cellCount).squareRoot()
        let projection = LocalProjection(origin: box.center)
        let width = box.maxLon - box.minLon, height = box.maxLat - box.minLat
        columns = max(1, Int((width * projection.metresPerDegreeLon / side).rounded()))
        rows = max(1, Int((height * LocalProjection.metresPerDegree / side).rounded()))
        originX = box.minLon
        originY = box.minLat
        stepX = width / Double(columns)
        stepY = height / Double(rows)
        var corners: [GeoPoint] = []
        corners.reserveCapacity((columns + 1) * (rows + 1))
        for j in 0...rows {
            for i in 0...columns {
                var x = originX + Double(i) * stepX, y = originY + Double(j) * stepY
                // Corners on the lattice's rim stay put, so a box is tiled exactly.
                if i > 0, i < columns, j > 0, j < rows {
                    x += Double.random(in: -options.jitter...options.jitter, using: &random) * stepX
                    y += Double.random(in: -options.jitter...options.jitter, using: &random) * stepY
                }
                if i == columns { x = box.maxLon }
                if j == rows { y = box.maxLat }
                corners.append(GeoPoint(lon: x, lat: y))
            }
        }
        self.corners = corners
    }

    func corner(_ i: Int, _ j: Int) -> GeoPoint { corners[j * (columns + 1) + i] }

    /// The cell's corners counter-clockwise from south-west.
    func cellCorners(_ i: Int, _ j: Int) -> [GeoPoint] {
        [corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1)]
    }

    /// Cuts the area into lattice units.
    func cut(_ area: AreaGeometry, options: GridGenerator.Options, random: inout SeededRandom) -> [LatticeUnit] {
        let subject = area.polygons.flatMap { polygon in
            polygon.normalizedOrientation.rings.map { Array($0.vertices) }
        }
        let nearBoundary = cellsNearBoundary(subject)
        var whole = [Bool](repeating: false, count: columns * rows)
        var parts = [AreaGeometry?](repeating: nil, count: columns * rows)
        for j in 0..<rows {
            for i in 0..<columns {
                let cell = j * columns + i
                let cellCorners = cellCorners(i, j)
                guard nearBoundary[cell] else {
                    let center = GeoPoint(
                        lon: cellCorners.reduce(0) { $0 + $1.lon } / 4, lat: cellCorners.reduce(0) { $0 + $1.lat } / 4
                    )
                    whole[cell] = area.contains(center)
                    continue
                }
                var pieces = subject
                for side in 0..<4 {
                    pieces = HalfPlaneClipper.clip(pieces, toLeftOf: cellCorners[side], cellCorners[(side + 1) % 4])
                    if pieces.isEmpty { break }
                }
                let polygons = HalfPlaneClipper.polygons(from: pieces)
                guard !polygons.isEmpty else { continue }
                let cellArea = LinearRing(cellCorners).doubledSignedDegreeArea
                let clippedArea = pieces.reduce(0) { $0 + LinearRing($1).doubledSignedDegreeArea }
                if polygons.count == 1, polygons[0].holes.isEmpty, abs(clippedArea - cellArea) <= 1e-9 * cellArea {
                    whole[cell] = true
                } else {
                    parts[cell] = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(MultiPolygon(polygons))
                }
            }
        }
        let edges = WigglyEdges(lattice: self, whole: whole, options: options, random: &random)
        let hilbertSide = 1 << Int(log2(Double(max(columns, rows))).rounded(.up))
        var units: [LatticeUnit] = []
        for j in 0..<rows {
            for i in 0..<columns {
                let cell = j * columns + i
                let order = HilbertCurve.index(x: i, y: j, side: hilbertSide)
                if let part = parts[cell] {
                    units.append(LatticeUnit(order: order, grids: [part]))
                } else if whole[cell] {
                    units.append(LatticeUnit(order: order, grids: wholeCell(i, j, edges, options: options, random: &random)))
                }
            }
        }
        return units
    }

    /// A wholly covered cell with wiggly edges, and its enclave when the dice say so.
    private func wholeCell(
        _ i: Int, _ j: Int, _ edges: WigglyEdges, options: GridGenerator.Options, random: inout SeededRandom
    ) -> [AreaGeometry] {
        var ring: [GeoPoint] = [corner(i, j)]
        ring += edges.horizontal(i, j)
        ring.append(corner(i + 1, j))
        ring += edges.vertical(i + 1, j)
        ring.append(corner(i + 1, j + 1))
        ring += edges.horizontal(i, j + 1).reversed()
        ring.append(corner(i, j + 1))
        ring += edges.vertical(i, j).reversed()
        guard Double.random(in: 0..<1, using: &random) < options.enclaveShare else {
            return [.polygon(Polygon(outer: LinearRing(closing: ring)))]
        }
        let cellCorners = cellCorners(i, j)
        let centerX = cellCorners.reduce(0) { $0 + $1.lon } / 4, centerY = cellCorners.reduce(0) { $0 + $1.lat } / 4
        let enclave = cellCorners.map { GeoPoint(lon: centerX + 0.3 * ($0.lon - centerX), lat: centerY + 0.3 * ($0.lat - centerY)) }
        return [
            .polygon(Polygon(outer: LinearRing(closing: ring), holes: [LinearRing(closing: enclave.reversed())])),
            .polygon(Polygon(outer: LinearRing(closing: enclave))),
        ]
    }

    /// Marks the cells that the area's boundary may pass through; the others are wholly inside or outside.
    private func cellsNearBoundary(_ rings: [[GeoPoint]]) -> [Bool] {
        var marks = [Bool](repeating: false, count: columns * rows)
        func column(_ x: Double) -> Int { Int(((x - originX) / stepX).rounded(.down)) }
        func row(_ y: Double) -> Int { Int(((y - originY) / stepY).rounded(.down)) }
        for ring in rings {
            for (index, a) in ring.enumerated() {
                let b = ring[(index + 1) % ring.count]
                // Jitter moves corners less than a quarter step, so a one-cell margin holds every cell the edge may touch.
                let firstColumn = max(0, column(min(a.lon, b.lon)) - 1), lastColumn = min(columns - 1, column(max(a.lon, b.lon)) + 1)
                let firstRow = max(0, row(min(a.lat, b.lat)) - 1), lastRow = min(rows - 1, row(max(a.lat, b.lat)) + 1)
                guard firstColumn <= lastColumn, firstRow <= lastRow else { continue }
                for j in firstRow...lastRow {
                    for i in firstColumn...lastColumn { marks[j * columns + i] = true }
                }
            }
        }
        return marks
    }
}
