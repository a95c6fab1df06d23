import Foundation
import Testing
@testable import LianxinCore

@Suite struct GeometryTests {
    @Test func haversineGivesOneDegreeOfLatitudeOnTheMeanSphere() {
        let distance = GeoPoint(lon: 117, lat: 28).distance(to: GeoPoint(lon: 117, lat: 29))
        #expect(abs(distance - 111_195.08) < 0.01)
    }

    @Test func haversineIsZeroForTheSamePointAndSymmetric() {
        let a = GeoPoint(lon: 117.97, lat: 28.45), b = GeoPoint(lon: 115.89, lat: 28.68)
        #expect(a.distance(to: a) == 0)
        #expect(abs(a.distance(to: b) - b.distance(to: a)) < 1e-6)
        #expect(abs(a.distance(to: b) - 203_900) < 1_500)
    }

    @Test func areaOfASmallSquareAtTheEquatorMatchesItsSides() {
        let side = 6_378_137.0 * .pi / 180 * 0.01
        let area = GeoTestSupport.box(0, 0, 0.01, 0.01).area
        #expect(abs(area - side * side) / (side * side) < 1e-4)
    }

    @Test func holesAreSubtractedFromArea() {
        let whole = GeoTestSupport.box(117, 28, 117.1, 28.1)
        let holed = GeoTestSupport.box(117, 28, 117.1, 28.1, holes: [GeoTestSupport.holeRing(117.02, 28.02, 117.07, 28.07)])
        let hole = GeoTestSupport.box(117.02, 28.02, 117.07, 28.07)
        #expect(abs(holed.area - (whole.area - hole.area)) < 1e-3)
        #expect(abs(MultiPolygon([holed, hole]).area - whole.area) < 1e-3)
    }

    @Test func centroidOfASymmetricAreaIsItsCentre() throws {
        let centroid = try #require(GeoTestSupport.box(117, 28, 117.2, 28.2).centroid)
        #expect(abs(centroid.lon - 117.1) < 1e-9 && abs(centroid.lat - 28.1) < 1e-9)
    }

    @Test func aHoleMovesTheCentroidAwayFromIt() throws {
        let polygon = GeoTestSupport.box(117, 28, 117.2, 28.2, holes: [GeoTestSupport.holeRing(117.01, 28.01, 117.09, 28.19)])
        let centroid = try #require(polygon.centroid)
        #expect(centroid.lon > 117.1)
        #expect(abs(centroid.lat - 28.1) < 1e-6)
    }

    @Test func boundingBoxesUniteAndIntersect() throws {
        let a = try #require(GeoTestSupport.box(0, 0, 1, 1).boundingBox)
        let b = try #require(GeoTestSupport.box(1, 1, 2, 3).boundingBox)
        #expect(a.intersects(b))
        #expect(a.union(b) == BoundingBox(minLon: 0, minLat: 0, maxLon: 2, maxLat: 3))
        #expect(!a.contains(GeoPoint(lon: 1.5, lat: 0.5)))
    }

    @Test func orientationIsExactForPointsNearALine() {
        // Kettner et al.'s classic failure case for floating-point orientation: points within a few ulps of y = x.
        let ulp = 0.5.ulp
        for i in 0..<16 {
            for j in 0..<16 {
                let sign = RobustOrientation.sign(12, 12, 24, 24, 0.5 + Double(i) * ulp, 0.5 + Double(j) * ulp)
                #expect(sign == (j > i ? 1 : j < i ? -1 : 0))
            }
        }
    }
}
