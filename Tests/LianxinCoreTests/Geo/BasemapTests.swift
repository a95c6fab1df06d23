import Foundation
import Testing
@testable import LianxinCore

@Suite("The county's base layer (roads, rivers, landmarks) and the division tree picker")
struct BasemapTests {
    static let file = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"name":"人民路"},"geometry":{"type":"LineString","coordinates":[[117.94,28.45],[117.96,28.45]]}},
         {"type":"Feature","properties":{"name":"信江","kind":"河流"},"geometry":{"type":"MultiLineString","coordinates":[[[117.9,28.44],[117.95,28.43]],[[117.95,28.43],[117.99,28.44]]]}},
         {"type":"Feature","properties":{"name":"市民服务中心"},"geometry":{"type":"Point","coordinates":[117.95,28.451]}}
        ]}
        """

    @Test func item11_roadsRiversAndLandmarksAreReadWithTheirNames() throws {
        let items = try BasemapReader().read(Data(Self.file.utf8))
        #expect(items.map(\.kind) == [.road, .river, .landmark])
        #expect(items.map(\.name) == ["人民路", "信江", "市民服务中心"])
        guard case .lines(let lines) = items[1].shape else { Issue.record("the river is not lines"); return }
        #expect(lines.count == 2)
        #expect(items[2].boundingBox.minLon == 117.95)
    }

    @Test func item11_aBadFileIsRefusedWithEveryProblemNamed() {
        let bad = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[117.94,28.45],[117.96,28.45]]}},
             {"type":"Feature","properties":{"name":"广场"},"geometry":{"type":"Polygon","coordinates":[]}},
             {"type":"Feature","properties":{"name":"桥","kind":"landmark"},"geometry":{"type":"LineString","coordinates":[[117.94,28.45],[117.96,28.45]]}},
             {"type":"Feature","properties":{"name":"远处","kind":"bridge"},"geometry":{"type":"Point","coordinates":[200,28]}}
            ]}
            """
        #expect(throws: BasemapProblems.self) { try BasemapReader().read(Data(bad.utf8)) }
        do {
            _ = try BasemapReader().read(Data(bad.utf8))
        } catch {
            #expect(error.problems.compactMap(\.feature) == [1, 2, 3, 4, 4])
            #expect(error.problems[0].chinese == "第 1 个要素：缺少名称（name）")
            #expect(error.problems.allSatisfy { !$0.english.isEmpty && !$0.chinese.contains("kind") })
        }
        #expect(throws: BasemapProblems.self) { try BasemapReader().read(Data("not json".utf8)) }
    }

    @Test func item11_aStoredShapeReadsBackTheSame() throws {
        for item in try BasemapReader().read(Data(Self.file.utf8)) {
            #expect(BasemapGeometry.shape(text: BasemapGeometry.text(item.shape)) == item.shape)
        }
    }

    @Test func item11_roadNamesAreWrittenAlongTheLongestSegmentNeverUpsideDown() throws {
        let map = SVGMapProjection(fitting: BoundingBox(minLon: 117.9, minLat: 28.4, maxLon: 118.0, maxLat: 28.5), width: 1000)
        let line = [GeoPoint(lon: 117.99, lat: 28.45), GeoPoint(lon: 117.91, lat: 28.45), GeoPoint(lon: 117.91, lat: 28.46)]
        let anchor = try #require(map.labelAnchor([line]))
        #expect(abs(anchor.angle) < 0.001, "a road drawn east to west reads left to right")
        #expect(abs(anchor.x - map.project(GeoPoint(lon: 117.95, lat: 28.45)).x) < 0.5)
        #expect(map.linePath([line]).hasPrefix("M") && !map.linePath([line]).contains("Z"))
    }

    @Test func item11_theDivisionTreeListsTheSubtreeDepthFirstWithItsAncestors() throws {
        let names: [DivisionCode: String] = [
            try #require(DivisionCode("361102")): "信州区", try #require(DivisionCode("361102001")): "水南街道",
            try #require(DivisionCode("361102001001")): "中山社区", try #require(DivisionCode("361102002")): "西市街道",
            try #require(DivisionCode("361103")): "广丰区",
        ]
        let tree = DivisionTree(root: try #require(DivisionCode("361102")), named: names)
        #expect(tree.entries.map(\.name) == ["信州区", "水南街道", "中山社区", "西市街道"])
        #expect(tree.entries.map(\.depth) == [0, 1, 2, 1])
        #expect(tree.entries[2].ancestors == ["信州区", "水南街道"])
    }
}
