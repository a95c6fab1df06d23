import Testing
@testable import LianxinCore

@Suite struct PointInPolygonTests {
    let square = GeoTestSupport.box(0, 0, 1, 1)

    @Test func westAndSouthEdgesAreInsideEastAndNorthEdgesOutside() {
        #expect(square.contains(GeoPoint(lon: 0, lat: 0.5)))
        #expect(square.contains(GeoPoint(lon: 0.5, lat: 0)))
        #expect(!square.contains(GeoPoint(lon: 1, lat: 0.5)))
        #expect(!square.contains(GeoPoint(lon: 0.5, lat: 1)))
    }

    @Test func onlyTheSouthWestCornerIsInside() {
        #expect(square.contains(GeoPoint(lon: 0, lat: 0)))
        #expect(!square.contains(GeoPoint(lon: 1, lat: 0)))
        #expect(!square.contains(GeoPoint(lon: 0, lat: 1)))
        #expect(!square.contains(GeoPoint(lon: 1, lat: 1)))
    }

    @Test func aPointOnASharedEdgeBelongsToExactlyOneGrid() {
        let west = GeoTestSupport.box(0, 0, 1, 1), east = GeoTestSupport.box(1, 0, 2, 1)
        let north = GeoTestSupport.box(0, 1, 1, 2), northEast = GeoTestSupport.box(1, 1, 2, 2)
        let grids = [west, east, north, northEast]
        for point in [GeoPoint(lon: 1, lat: 0.5), GeoPoint(lon: 0.5, lat: 1), GeoPoint(lon: 1, lat: 1), GeoPoint(lon: 1.5, lat: 1)] {
            #expect(grids.filter { $0.contains(point) }.count == 1, "\(point)")
        }
        #expect(northEast.contains(GeoPoint(lon: 1, lat: 1)))
    }

    @Test func aPointOnASlantedSharedEdgeBelongsToExactlyOneSide() {
        // Two triangles sharing the diagonal of a unit square; points generated along the diagonal are rarely exactly on it.
        let lower = Polygon(outer: LinearRing(closing: [GeoPoint(lon: 0, lat: 0), GeoPoint(lon: 3, lat: 0), GeoPoint(lon: 3, lat: 7)]))
        let upper = Polygon(outer: LinearRing(closing: [GeoPoint(lon: 0, lat: 0), GeoPoint(lon: 3, lat: 7), GeoPoint(lon: 0, lat: 7)]))
        for step in 1..<200 {
            let t = Double(step) / 200
            let point = GeoPoint(lon: 3 * t, lat: 7 * t)
            #expect(lower.contains(point) != upper.contains(point))
        }
    }

    @Test func holesAreOutsideAndTheirBoundaryFollowsTheSameRule() {
        let holed = GeoTestSupport.box(0, 0, 4, 4, holes: [GeoTestSupport.holeRing(1, 1, 2, 2)])
        let enclave = GeoTestSupport.box(1, 1, 2, 2)
        #expect(!holed.contains(GeoPoint(lon: 1.5, lat: 1.5)))
        #expect(holed.contains(GeoPoint(lon: 0.5, lat: 1.5)))
        for point in [
            GeoPoint(lon: 1, lat: 1.5), GeoPoint(lon: 2, lat: 1.5), GeoPoint(lon: 1.5, lat: 1), GeoPoint(lon: 1.5, lat: 2),
            GeoPoint(lon: 1, lat: 1), GeoPoint(lon: 2, lat: 2),
        ] {
            #expect(holed.contains(point) != enclave.contains(point), "\(point)")
        }
    }

    @Test func anUnclosedRingIsTreatedAsClosed() {
        let open = Polygon(
            outer: LinearRing([GeoPoint(lon: 0, lat: 0), GeoPoint(lon: 1, lat: 0), GeoPoint(lon: 1, lat: 1), GeoPoint(lon: 0, lat: 1)]))
        #expect(open.contains(GeoPoint(lon: 0.5, lat: 0.5)))
        #expect(!open.contains(GeoPoint(lon: 1.5, lat: 0.5)))
    }

    @Test func multiPolygonsContainPointsOfAnyPart() {
        let multi = AreaGeometry.multiPolygon(MultiPolygon([GeoTestSupport.box(0, 0, 1, 1), GeoTestSupport.box(5, 5, 6, 6)]))
        #expect(multi.contains(GeoPoint(lon: 5.5, lat: 5.5)))
        #expect(!multi.contains(GeoPoint(lon: 3, lat: 3)))
    }
}
