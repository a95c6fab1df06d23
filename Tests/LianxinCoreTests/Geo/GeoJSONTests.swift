import Foundation
import Testing
@testable import LianxinCore

@Suite struct GeoJSONTests {
    let sample = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"code": "361102001001001", "name": "一网格", "communityCode": "361102001001", "color": "red"},
           "geometry": {"type": "Polygon", "coordinates": [[[117.9, 28.4], [118.0, 28.4], [118.0, 28.5], [117.9, 28.5], [117.9, 28.4]],
                                                         [[117.92, 28.42], [117.92, 28.44], [117.94, 28.44], [117.92, 28.42]]]}},
          {"type": "Feature", "properties": {"code": 361102001001002, "parent": "361102001001"},
           "geometry": {"type": "MultiPolygon", "coordinates": [[[[118.0, 28.4], [118.1, 28.4], [118.1, 28.5], [118.0, 28.4]]],
                                                              [[[118.2, 28.4], [118.3, 28.4], [118.3, 28.5], [118.2, 28.4]]]]}}
        ]}
        """

    func read(_ text: String, _ reader: GeoJSONReader = GeoJSONReader()) throws(GeoJSONError) -> [GridFeature] {
        try reader.read(Data(text.utf8))
    }

    func error(_ text: String) -> GeoJSONError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error
        }
    }

    func collection(_ geometry: String, properties: String = #"{"code": "1"}"#) -> String {
        #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":\#(properties),"geometry":\#(geometry)}]}"#
    }

    @Test func readsPolygonsMultiPolygonsAndAlternativePropertyNames() throws {
        let features = try read(sample)
        #expect(features.count == 2)
        #expect(features[0].code == "361102001001001")
        #expect(features[0].name == "一网格")
        #expect(features[0].parentCode == "361102001001")
        #expect(features[0].properties == ["color": .string("red")])
        #expect(features[0].geometry.polygons[0].holes.count == 1)
        #expect(features[1].code == "361102001001002")
        #expect(features[1].parentCode == "361102001001")
        #expect(features[1].geometry.polygons.count == 2)
    }

    @Test func writingAndReadingBackGivesTheSameFeatures() throws {
        let features = try read(sample)
        let written = GeoJSONWriter().write(features)
        #expect(try GeoJSONReader().read(written) == features)
    }

    @Test func configuredPropertyNamesAreReadAndWritten() throws {
        let keys = GridPropertyKeys(code: ["gridCode"], name: ["title"], parent: ["village"])
        let text = collection(
            #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#,
            properties: #"{"gridCode": "A1", "title": "甲", "village": "V"}"#
        )
        let features = try read(text, GeoJSONReader(keys: keys))
        #expect(features[0].code == "A1" && features[0].name == "甲" && features[0].parentCode == "V")
        let rewritten = String(decoding: GeoJSONWriter(keys: keys).write(features), as: UTF8.self)
        #expect(rewritten.contains(#""gridCode":"A1""#) && rewritten.contains(#""village":"V""#))
    }

    @Test func gcj02InputIsConvertedToWGS84AndBack() throws {
        let gcj = ChinaCoordinates.gcj02(fromWGS84: GeoPoint(lon: 117.95, lat: 28.45))
        let text = collection(#"{"type":"Polygon","coordinates":[[[\#(gcj.lon),\#(gcj.lat)],[118,28.45],[118,28.5],[\#(gcj.lon),\#(gcj.lat)]]]}"#)
        let features = try read(text, GeoJSONReader(coordinateSystem: .gcj02))
        let first = features[0].geometry.polygons[0].outer.positions[0]
        #expect(first.distance(to: GeoPoint(lon: 117.95, lat: 28.45)) < 0.01)
        let written = try GeoJSONReader().read(GeoJSONWriter(coordinateSystem: .gcj02).write(features))
        #expect(written[0].geometry.polygons[0].outer.positions[0].distance(to: gcj) < 0.01)
    }

    @Test func invalidJSONIsReportedWithLineAndColumn() throws {
        let failure = try #require(error("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [}"))
        guard case .invalidJSON(let detail) = failure.reason else { Issue.record("wrong reason \(failure)"); return }
        #expect(detail.contains("line 3"))
        #expect(failure.featureIndex == nil)
    }

    @Test func aDocumentThatIsNotAFeatureCollectionIsRejected() {
        #expect(error(#"{"type":"Feature","features":[]}"#)?.reason == .notAFeatureCollection)
        #expect(error("[1, 2]")?.path == "$")
    }

    @Test func unknownGeometryTypesNameTheFeatureAndPath() throws {
        let text =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"1"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},{"type":"Feature","properties":{"code":"2"},"geometry":{"type":"Point","coordinates":[0,0]}}]}"#
        let failure = try #require(error(text))
        #expect(failure.reason == .unknownGeometryType("Point"))
        #expect(failure.featureIndex == 1)
        #expect(failure.path == "$.features[1].geometry.type")
        #expect(failure.englishMessage.contains("Point"))
        #expect(failure.chineseMessage.contains("不支持"))
    }

    @Test func badCoordinatesPointAtThePosition() throws {
        let failure = try #require(error(collection(#"{"type":"Polygon","coordinates":[[[0,0],[200,0],[1,1],[0,0]]]}"#)))
        #expect(failure.reason == .badCoordinate)
        #expect(failure.path == "$.features[0].geometry.coordinates[0][1]")
        #expect(error(collection(#"{"type":"Polygon","coordinates":[[[0,0],["1",0],[1,1],[0,0]]]}"#))?.reason == .badCoordinate)
    }

    @Test func ringsNeedFourPositionsAndClosure() {
        let short = error(collection(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#))
        #expect(short?.reason == .tooFewPositions(count: 3))
        #expect(short?.path == "$.features[0].geometry.coordinates[0]")
        let open = error(collection(#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,6]]]]}"#))
        #expect(open?.reason == .unclosedRing)
        #expect(open?.path == "$.features[0].geometry.coordinates[1][0]")
    }

    @Test func aMissingCodeOrGeometryIsReported() {
        let noCode = error(collection(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#, properties: #"{"name":"x"}"#))
        #expect(noCode?.reason == .missingProperty("code"))
        #expect(error(collection("null"))?.reason == .missingGeometry)
    }

    @Test func stringsWithEscapesAndUnicodeSurviveTheParser() throws {
        let text = collection(
            #"{"type":"Polygon","coordinates":[[[0,0],[1e0,0],[1,1.0E0],[0,0]]]}"#,
            properties: #"{"code":"a\"b\\c\u00e9\ud83d\ude00","note":[true,false,null,-0.5]}"#
        )
        let feature = try #require(try read(text).first)
        #expect(feature.code == "a\"b\\cé😀")
        #expect(feature.properties["note"] == .array([.bool(true), .bool(false), .null, .number(-0.5)]))
        #expect(try read(String(decoding: GeoJSONWriter().write([feature]), as: UTF8.self)) == [feature])
    }
}
