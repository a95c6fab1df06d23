import Foundation
import Testing
@testable import LianxinCore

@Suite struct PolygonIndexTests {
    /// A generated jittered partition of a box with wiggly edges and enclaves in holes.
    static let partition: [GridFeature] = {
        let box = GeoTestSupport.box(117.5, 28.2, 117.8, 28.4)
        let options = GridGenerator.Options(targetCount: 300, enclaveShare: 0.1, seed: 11)
        return try! GridGenerator(options: options).generate(in: .polygon(box), communities: GeoTestSupport.communities(3))
    }()

    /// Points that stress the boundary rule: every vertex, points along edges, and random points.
    static func probePoints(_ geometries: [AreaGeometry], random count: Int, seed: UInt64) -> [GeoPoint] {
        var random = SeededRandom(seed: seed)
        var points: [GeoPoint] = []
        for geometry in geometries {
            for ring in geometry.rings {
                points += ring.vertices
                for (a, b) in zip(ring.positions, ring.positions.dropFirst()) {
                    let t = Double.random(in: 0...1, using: &random)
                    points.append(GeoPoint(lon: a.lon + t * (b.lon - a.lon), lat: a.lat + t * (b.lat - a.lat)))
                }
            }
        }
        let box = geometries.compactMap(\.boundingBox).reduce(geometries[0].boundingBox!) { $0.union($1) }
        for _ in 0..<count {
            points.append(
                GeoPoint(
                    lon: Double.random(in: (box.minLon - 0.01)...(box.maxLon + 0.01), using: &random),
                    lat: Double.random(in: (box.minLat - 0.01)...(box.maxLat + 0.01), using: &random)
                ))
        }
        return points
    }

    static let optionVariants: [PolygonIndex.Options] = [
        PolygonIndex.Options(),
        PolygonIndex.Options(cellsPerArea: 0.5, maximumLeafCandidates: 0, maximumDepth: 5),
        PolygonIndex.Options(cellsPerArea: 30, maximumLeafCandidates: 1, maximumDepth: 2),
    ]

    @Test(arguments: optionVariants.indices)
    func lookupsAgreeWithALinearScanOnVerticesEdgesHolesAndRandomPoints(variant: Int) {
        let geometries = PolygonIndexTests.partition.map(\.geometry)
        let index = PolygonIndex(geometries, options: PolygonIndexTests.optionVariants[variant])
        let points = PolygonIndexTests.probePoints(geometries, random: 5_000, seed: 3)
        let batch = index.areas(containing: points)
        let scan = GeoTestSupport.LinearScan(geometries)
        for (offset, point) in points.enumerated() {
            let expected = scan.first(point)
            #expect(index.area(containing: point) == expected, "\(point)")
            #expect(batch[offset] == expected, "\(point)")
        }
    }

    @Test func everyPointOfTheTiledBoxIsInExactlyOneGrid() {
        let geometries = PolygonIndexTests.partition.map(\.geometry)
        let points = PolygonIndexTests.probePoints(geometries, random: 2_000, seed: 4)
        let scan = GeoTestSupport.LinearScan(geometries)
        for point in points where point.lon >= 117.5 && point.lon < 117.8 && point.lat >= 28.2 && point.lat < 28.4 {
            #expect(scan.all(point).count == 1, "\(point)")
        }
    }

    @Test func pointsOnSharedEdgesAndHoleBoundariesOfASquareLatticeFollowTheRule() {
        // A 4×4 lattice of unit squares; square (1, 1) has a hole filled by an enclave grid.
        var geometries: [AreaGeometry] = []
        for j in 0..<4 {
            for i in 0..<4 {
                let holes = i == 1 && j == 1 ? [GeoTestSupport.holeRing(1.25, 1.25, 1.75, 1.75)] : []
                geometries.append(.polygon(GeoTestSupport.box(Double(i), Double(j), Double(i + 1), Double(j + 1), holes: holes)))
            }
        }
        geometries.append(.polygon(GeoTestSupport.box(1.25, 1.25, 1.75, 1.75)))
        let index = PolygonIndex(geometries)
        let scan = GeoTestSupport.LinearScan(geometries)
        for x in stride(from: 0.0, through: 4, by: 0.125) {
            for y in stride(from: 0.0, through: 4, by: 0.125) {
                let point = GeoPoint(lon: x, lat: y)
                #expect(index.area(containing: point) == scan.first(point))
                let inside = x < 4 && y < 4
                #expect(scan.all(point).count == (inside ? 1 : 0), "\(point)")
            }
        }
        #expect(index.area(containing: GeoPoint(lon: 1.5, lat: 1.5)) == 16)
        #expect(index.area(containing: GeoPoint(lon: 1.25, lat: 1.5)) == 16)
        #expect(index.area(containing: GeoPoint(lon: 1.75, lat: 1.5)) == 5)
    }

    @Test func overlappingAreasOfMixedSizesAnswerTheLowestIndex() {
        // A coarse layer over a dense layer in one corner: crowded cells get split, overlaps go to the lower index.
        let dense = try! GridGenerator(options: GridGenerator.Options(targetCount: 400, seed: 5))
            .generate(in: .polygon(GeoTestSupport.box(0, 0, 0.1, 0.1)), communities: GeoTestSupport.communities(2))
        let coarse = try! GridGenerator(options: GridGenerator.Options(targetCount: 30, seed: 6))
            .generate(in: .polygon(GeoTestSupport.box(0, 0, 1, 1)), communities: GeoTestSupport.communities(1))
        let geometries = (dense + coarse).map(\.geometry)
        let index = PolygonIndex(geometries)
        let points = PolygonIndexTests.probePoints(geometries, random: 5_000, seed: 8)
        let scan = GeoTestSupport.LinearScan(geometries)
        #expect(index.areas(containing: points) == points.map(scan.first))
    }

    @Test func largeBatchesAreAnsweredInInputOrder() {
        let geometries = PolygonIndexTests.partition.map(\.geometry)
        let index = PolygonIndex(geometries)
        let points = PolygonIndexTests.probePoints(geometries, random: PolygonIndex.sortedBatchThreshold * 2, seed: 9)
        let ids = index.areaIDs(containing: points)
        #expect(ids.count == points.count)
        for (offset, point) in points.enumerated() {
            #expect(ids[offset] == Int32(index.area(containing: point) ?? -1))
        }
    }

    @Test func anEmptyIndexContainsNothing() {
        let index = PolygonIndex([])
        #expect(index.count == 0)
        #expect(index.area(containing: GeoPoint(lon: 0, lat: 0)) == nil)
        #expect(index.areaIDs(containing: Array(repeating: GeoPoint(lon: 0, lat: 0), count: 5000)).allSatisfy { $0 == -1 })
    }

    @Test func aSingleDegenerateAreaDoesNotBreakTheIndex() {
        let line = AreaGeometry.polygon(
            Polygon(outer: LinearRing(closing: [GeoPoint(lon: 1, lat: 1), GeoPoint(lon: 2, lat: 1), GeoPoint(lon: 3, lat: 1)])))
        let index = PolygonIndex([line, .polygon(Polygon(outer: LinearRing([])))])
        #expect(index.area(containing: GeoPoint(lon: 2, lat: 1)) == nil)
    }

    @Test func theLocatorReturnsGridCommunityTownshipAndCounty() {
        let grids = [
            GridFeature(code: "361102001001001", parentCode: "361102001001", geometry: .polygon(GeoTestSupport.box(0, 0, 1, 1))),
            GridFeature(code: "361102002001001", parentCode: "361102002001", geometry: .polygon(GeoTestSupport.box(1, 0, 2, 1))),
        ]
        let parents = ["361102001001": "361102001", "361102001": "361102", "361102002001": "361102002"]
        let locator = DivisionLocator(grids: grids, parents: parents)
        #expect(
            locator.path(at: GeoPoint(lon: 0.5, lat: 0.5))
                == DivisionPath(
                    grid: "361102001001001", community: "361102001001", township: "361102001", county: "361102"
                ))
        #expect(locator.path(at: GeoPoint(lon: 1, lat: 0.5))?.grid == "361102002001001")
        #expect(locator.path(at: GeoPoint(lon: 1.5, lat: 0.5))?.county == nil)
        #expect(locator.paths(at: [GeoPoint(lon: 5, lat: 5)]) == [nil])
    }
}
