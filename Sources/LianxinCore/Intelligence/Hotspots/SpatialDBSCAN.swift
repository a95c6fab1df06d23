import Foundation

/// DBSCAN over WGS84 points with great-circle distance, bucketed in a grid of radius-sized cells.
///
/// Points become unit vectors, so "within `radiusMeters` along the sphere" is the exact test
/// "chord length ≤ 2R·sin(r / 2R)" — the haversine metric without a trigonometric call per pair.
/// `minimumPoints` counts the point itself, as scikit-learn's `min_samples` does. Points are
/// visited in input order, which fixes the assignment of border points and makes runs repeatable.
public struct SpatialDBSCAN: Sendable {
    /// Neighbourhood radius in metres (DBSCAN's eps).
    public var radiusMeters: Double
    /// Neighbours (the point included) that make a point a core point.
    public var minimumPoints: Int

    /// The label of noise points.
    public static let noise = -1

    /// Creates a clusterer.
    public init(radiusMeters: Double, minimumPoints: Int) {
        self.radiusMeters = radiusMeters
        self.minimumPoints = minimumPoints
    }

    /// Returns a cluster label (`0...`) or `noise` for each point; clusters are numbered in order of discovery.
    /// A point with a non-finite coordinate has no neighbours and is labelled noise.
    public func labels(for points: [GeoPoint]) -> [Int] {
        guard !points.isEmpty else { return [] }
        let finite = points.indices.filter { points[$0].lat.isFinite && points[$0].lon.isFinite }
        if finite.count < points.count {
            var result = [Int](repeating: Self.noise, count: points.count)
            for (position, label) in labels(for: finite.map { points[$0] }).enumerated() { result[finite[position]] = label }
            return result
        }
        let index = GridIndex(points: points, radiusMeters: radiusMeters)
        let unvisited = -2
        var labels = [Int](repeating: unvisited, count: points.count)
        var neighbours: [Int32] = []
        var frontier: [Int32] = []
        var cluster = 0
        for start in points.indices where labels[start] == unvisited {
            index.neighbours(of: start, into: &neighbours)
            guard neighbours.count >= minimumPoints else {
                labels[start] = Self.noise
                continue
            }
            labels[start] = cluster
            frontier = neighbours
            while let next = frontier.popLast() {
                let point = Int(next)
                if labels[point] == Self.noise { labels[point] = cluster }
                guard labels[point] == unvisited else { continue }
                labels[point] = cluster
                index.neighbours(of: point, into: &neighbours)
                if neighbours.count >= minimumPoints {
                    for neighbour in neighbours where labels[Int(neighbour)] < 0 { frontier.append(neighbour) }
                }
            }
            cluster += 1
        }
        return labels
    }
}

/// Points bucketed in cells at least `radius` wide, holding unit vectors for exact neighbour tests.
private struct GridIndex {
    private var x: [Double] = [], y: [Double] = [], z: [Double] = []
    private var cellOfPoint: [(row: Int, column: Int)] = []
    private var members: [Int32] = []
    private var cellRanges: [Int64: Range<Int>] = [:]
    private let maximumSquaredChord: Double

    init(points: [GeoPoint], radiusMeters: Double) {
        let angle = radiusMeters / GeoPoint.meanEarthRadius
        let chord = 2 * sin(min(angle, .pi) / 2)
        maximumSquaredChord = chord * chord
        let cellDegreesLatitude = max(angle * 180 / .pi, 1e-9)
        let widestLatitude = min(points.map { abs($0.lat) }.max() ?? 0, 89)
        let cellDegreesLongitude = cellDegreesLatitude / cos(widestLatitude * .pi / 180)
        x.reserveCapacity(points.count)
        y.reserveCapacity(points.count)
        z.reserveCapacity(points.count)
        cellOfPoint.reserveCapacity(points.count)
        for point in points {
            let latitude = point.lat * .pi / 180, longitude = point.lon * .pi / 180
            x.append(cos(latitude) * cos(longitude))
            y.append(cos(latitude) * sin(longitude))
            z.append(sin(latitude))
            cellOfPoint.append(
                (
                    Int((point.lat / cellDegreesLatitude).rounded(.down)),
                    Int((point.lon / cellDegreesLongitude).rounded(.down))
                ))
        }
        let order = points.indices.sorted {
            let left = Self.key(cellOfPoint[$0]), right = Self.key(cellOfPoint[$1])
            return left != right ? left < right : $0 < $1
        }
        members = order.map { Int32($0) }
        var start = 0
        while start < order.count {
            let key = Self.key(cellOfPoint[order[start]])
            var end = start + 1
            while end < order.count, Self.key(cellOfPoint[order[end]]) == key { end += 1 }
            cellRanges[key] = start..<end
            start = end
        }
    }

    /// Replaces `result` with every point within the radius of `point`, itself included.
    func neighbours(of point: Int, into result: inout [Int32]) {
        result.removeAll(keepingCapacity: true)
        let cell = cellOfPoint[point]
        let px = x[point], py = y[point], pz = z[point]
        for row in cell.row - 1...cell.row + 1 {
            for column in cell.column - 1...cell.column + 1 {
                guard let range = cellRanges[Self.key((row, column))] else { continue }
                for member in members[range] {
                    let other = Int(member)
                    let dx = x[other] - px, dy = y[other] - py, dz = z[other] - pz
                    if dx * dx + dy * dy + dz * dz <= maximumSquaredChord { result.append(member) }
                }
            }
        }
    }

    private static func key(_ cell: (row: Int, column: Int)) -> Int64 {
        (Int64(truncatingIfNeeded: cell.row) << 32) ^ Int64(UInt32(truncatingIfNeeded: cell.column))
    }
}
