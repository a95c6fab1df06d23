import Foundation
import Testing
@testable import LianxinCore

@Suite struct SpatialDBSCANTests {
    private let origin = GeoPoint(lon: 117.9436, lat: 28.4546)

    private func offset(_ origin: GeoPoint, east: Double, north: Double) -> GeoPoint {
        GeoPoint(lon: origin.lon + east / (111_195 * cos(origin.lat * .pi / 180)), lat: origin.lat + north / 111_195)
    }

    /// Textbook DBSCAN with pairwise haversine distances, the reference for the grid version.
    private func bruteForce(_ points: [GeoPoint], radius: Double, minimum: Int) -> [Int] {
        let neighbours = points.map { point in points.indices.filter { point.distance(to: points[$0]) <= radius } }
        var labels = [Int](repeating: -2, count: points.count)
        var cluster = 0
        for start in points.indices where labels[start] == -2 {
            guard neighbours[start].count >= minimum else { labels[start] = -1; continue }
            labels[start] = cluster
            var frontier = neighbours[start]
            while let point = frontier.popLast() {
                if labels[point] == -1 { labels[point] = cluster }
                guard labels[point] == -2 else { continue }
                labels[point] = cluster
                if neighbours[point].count >= minimum { frontier += neighbours[point].filter { labels[$0] < 0 } }
            }
            cluster += 1
        }
        return labels
    }

    @Test func twoDenseBlobsBecomeTwoClustersAndStrayPointsNoise() {
        var points: [GeoPoint] = []
        for index in 0..<10 { points.append(offset(origin, east: Double(index % 5) * 20, north: Double(index / 5) * 20)) }
        let second = offset(origin, east: 2000, north: 0)
        for index in 0..<8 { points.append(offset(second, east: Double(index) * 25, north: 0)) }
        points.append(offset(origin, east: 900, north: 900))
        let labels = SpatialDBSCAN(radiusMeters: 60, minimumPoints: 4).labels(for: points)
        #expect(Set(labels[0..<10]) == [0])
        #expect(Set(labels[10..<18]) == [1])
        #expect(labels[18] == SpatialDBSCAN.noise)
    }

    @Test func theRadiusIsAGreatCircleDistanceIncludingThePointItself() {
        let pair = [origin, offset(origin, east: 99, north: 0)]
        #expect(SpatialDBSCAN(radiusMeters: 100, minimumPoints: 2).labels(for: pair) == [0, 0])
        #expect(SpatialDBSCAN(radiusMeters: 98, minimumPoints: 2).labels(for: pair) == [-1, -1])
        #expect(SpatialDBSCAN(radiusMeters: 98, minimumPoints: 1).labels(for: pair) == [0, 1])
        #expect(SpatialDBSCAN(radiusMeters: 100, minimumPoints: 2).labels(for: []).isEmpty)
    }

    @Test func randomPointsClusterExactlyAsPairwiseDBSCANDoes() {
        var generator = SplitMix64(seed: 5)
        let points = (0..<400).map { _ in
            offset(origin, east: Double(generator.uniform(below: 3000)), north: Double(generator.uniform(below: 3000)))
        }
        for (radius, minimum) in [(120.0, 3), (200.0, 5), (60.0, 2)] {
            #expect(
                SpatialDBSCAN(radiusMeters: radius, minimumPoints: minimum).labels(for: points)
                    == bruteForce(points, radius: radius, minimum: minimum))
        }
    }

    @Test func aPointWithoutFiniteCoordinatesIsNoiseAndDoesNotStopTheOthers() {
        let near = (0..<3).map { GeoPoint(lon: 117.9 + Double($0) * 0.0001, lat: 28.4) }
        let points = [near[0], GeoPoint(lon: .nan, lat: 28.4), near[1], GeoPoint(lon: 117.9, lat: .infinity), near[2]]
        #expect(SpatialDBSCAN(radiusMeters: 50, minimumPoints: 3).labels(for: points) == [0, SpatialDBSCAN.noise, 0, SpatialDBSCAN.noise, 0])
    }
}
