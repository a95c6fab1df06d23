import Foundation
import Testing
@testable import LianxinCore

@Suite struct GridGeneratorTests {
    @Test func aBoxIsTiledExactlyWithCodedGeneratedGridsOfEightToFortyVertices() throws {
        let box = GeoTestSupport.box(117.5, 28.2, 117.7, 28.3)
        let grids = try GridGenerator(options: GridGenerator.Options(targetCount: 200, enclaveShare: 0.05, seed: 1))
            .generate(in: .polygon(box), communities: GeoTestSupport.communities(2))
        #expect((180...230).contains(grids.count))
        #expect(Set(grids.map(\.code)).count == grids.count)
        #expect(grids.allSatisfy { $0.code.count == 15 && $0.code.hasPrefix($0.parentCode ?? "-") })
        #expect(grids.allSatisfy { $0.properties["generated"] == .bool(true) })
        #expect(grids.contains { !$0.geometry.polygons[0].holes.isEmpty })
        for grid in grids {
            let vertices = grid.geometry.polygons[0].outer.vertices.count
            #expect(grid.geometry.polygons[0].holes.isEmpty ? (4...40).contains(vertices) : (8...40).contains(vertices))
        }
        let total = grids.reduce(0) { $0 + $1.geometry.area }
        #expect(abs(total - box.area) / box.area < 1e-6)
        #expect(GridValidator().validate(grids).isEmpty)
    }

    @Test func theSameSeedGivesTheSameGrids() throws {
        let options = GridGenerator.Options(targetCount: 50, seed: 42)
        let area = AreaGeometry.polygon(GeoTestSupport.box(0, 0, 1, 1))
        let first = try GridGenerator(options: options).generate(in: area, communities: GeoTestSupport.communities(1))
        let second = try GridGenerator(options: options).generate(in: area, communities: GeoTestSupport.communities(1))
        #expect(first == second)
    }

    @Test(.enabled(if: GeoTestSupport.sharedData("boundaries/jiangxi_district.geojson") != nil))
    func aRealCountyIsPartitionedWithoutGapsOverlapsOrInvalidRings() throws {
        let county = try #require(try GeoTestSupport.xinzhouDistrict())
        let grids = try GridGenerator(options: GridGenerator.Options(targetCount: 300, seed: 3))
            .generate(in: county, communities: GeoTestSupport.communities(4))
        #expect((250...400).contains(grids.count))
        // The ring-area formula integrates along edges, so splitting edges shifts the sum slightly.
        let total = grids.reduce(0) { $0 + $1.geometry.area }
        #expect(abs(total - county.area) / county.area < 1e-5)
        let communityAreas = Dictionary(grouping: grids, by: { $0.parentCode! }).mapValues { _ in county }
        #expect(GridValidator().validate(grids, communities: communityAreas).isEmpty)
        let geometries = grids.map(\.geometry)
        let index = PolygonIndex(geometries)
        let scan = GeoTestSupport.LinearScan(geometries)
        var random = SeededRandom(seed: 5)
        let box = try #require(county.boundingBox)
        for _ in 0..<3000 {
            let point = GeoPoint(
                lon: Double.random(in: box.minLon...box.maxLon, using: &random), lat: Double.random(in: box.minLat...box.maxLat, using: &random))
            #expect(scan.all(point).count == (county.contains(point) ? 1 : 0), "\(point)")
            #expect(index.area(containing: point) == scan.first(point))
        }
    }

    @Test func badInputIsRefusedWithAReason() {
        let area = AreaGeometry.polygon(GeoTestSupport.box(0, 0, 1, 1))
        func failure(_ count: Int, _ communities: [String]) -> GridGenerationError? {
            do {
                _ = try GridGenerator(options: GridGenerator.Options(targetCount: count)).generate(in: area, communities: communities)
                return nil
            } catch {
                return error
            }
        }
        #expect(failure(0, GeoTestSupport.communities(1)) == .invalidCount(0))
        #expect(failure(10, []) == .noCommunities)
        #expect(failure(10, ["3611"]) == .invalidCommunityCode("3611"))
        #expect(failure(2000, GeoTestSupport.communities(1)).map { if case .tooManyGridsPerCommunity = $0 { true } else { false } } == true)
        #expect(GridGenerationError.noCommunities.chineseMessage.contains("社区"))
    }

    @Test func clippingAConcaveShapeKeepsItsPiecesApart() {
        // A U shape cut above its base: the two arms must come out as two rings, not one bridged ring.
        let u: [GeoPoint] = [
            GeoPoint(lon: 0, lat: 0), GeoPoint(lon: 3, lat: 0), GeoPoint(lon: 3, lat: 3), GeoPoint(lon: 2, lat: 3),
            GeoPoint(lon: 2, lat: 1), GeoPoint(lon: 1, lat: 1), GeoPoint(lon: 1, lat: 3), GeoPoint(lon: 0, lat: 3),
        ]
        let pieces = HalfPlaneClipper.clip([u], toLeftOf: GeoPoint(lon: -5, lat: 2), GeoPoint(lon: 5, lat: 2))
        #expect(pieces.count == 2)
        let areas = pieces.map { LinearRing($0).doubledSignedDegreeArea / 2 }.sorted()
        #expect(areas == [1, 1])
    }

    @Test func clippingKeepsAHoleThatTheLineMisses() {
        let outer = [GeoPoint(lon: 0, lat: 0), GeoPoint(lon: 4, lat: 0), GeoPoint(lon: 4, lat: 4), GeoPoint(lon: 0, lat: 4)]
        let hole = [GeoPoint(lon: 1, lat: 1), GeoPoint(lon: 1, lat: 2), GeoPoint(lon: 2, lat: 2), GeoPoint(lon: 2, lat: 1)]
        let pieces = HalfPlaneClipper.clip([outer, hole], toLeftOf: GeoPoint(lon: 3, lat: 0), GeoPoint(lon: 3, lat: 4))
        let polygons = HalfPlaneClipper.polygons(from: pieces)
        #expect(polygons.count == 1)
        #expect(polygons[0].holes.count == 1)
        #expect(abs(polygons[0].outer.doubledSignedDegreeArea / 2 - 12) < 1e-12)
    }

    @Test func hilbertOrderVisitsEveryCellOnce() {
        let indices = (0..<8).flatMap { x in (0..<8).map { y in HilbertCurve.index(x: x, y: y, side: 8) } }
        #expect(Set(indices) == Set(0..<64))
    }
}
