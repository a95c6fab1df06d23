import Foundation
import Testing
@testable import LianxinCore

/// City assets (部件): codes, classes and the all-or-nothing import with its report.
@Suite struct AssetImportTests {
    static let units: Set<String> = ["XZ-CG", "XZ-SW"]

    static func read(_ text: String, scope: String = "361102") -> AssetImport {
        AssetImport(data: Data(text.utf8), isKnownUnit: { units.contains($0) }, inScope: { $0 == scope })
    }

    @Test func aCodeIsCountyClassAndSerial() throws {
        let code = try #require(AssetCode("3611020103000017"))
        #expect(code.countyCode == "361102" && code.classCode == "0103" && code.serial == "000017")
        #expect(AssetCode("36110201030000") == nil && AssetCode("361102010300001X") == nil)
        #expect(AssetClasses.named("0103")?.name == "雨水井盖" && AssetClasses.major("0103")?.name == "公用设施")
        #expect(Set(AssetClasses.all.map(\.majorCode)).isSubset(of: Set(AssetClasses.majors.map(\.code))))
        #expect(AssetStatus(text: "破损") == .damaged && AssetStatus(text: "damaged") == .damaged && AssetStatus(text: "坏") == nil)
    }

    @Test func aGoodCSVInChineseColumnsGivesEveryRecord() throws {
        let file = """
            部件编码,小类,名称,经度,纬度,权属单位,状态,地址
            3611020103000017,0103,劳动路雨水井盖,117.9432,28.4551,XZ-SW,完好,劳动路12号
            3611020125000003,,劳动路路灯,117.9440,28.4560,XZ-CG,,
            """
        let result = Self.read(file)
        #expect(result.problems.isEmpty)
        #expect(result.records.map(\.code.value) == ["3611020103000017", "3611020125000003"])
        #expect(result.records[1].assetClass.name == "路灯" && result.records[1].status == .intact && result.records[1].name == "劳动路路灯")
        #expect(result.records[0].position == GeoPoint(lon: 117.9432, lat: 28.4551) && result.records[0].address == "劳动路12号")
    }

    @Test func oneBadRowRefusesTheWholeFileAndTheReportNamesEachProblem() {
        let file = """
            code,class,name,longitude,latitude,owner_unit,status
            3611020103000017,0103,A,117.94,28.45,XZ-SW,intact
            3611020103000017,0103,B,117.94,28.45,XZ-SW,intact
            3611020103000018,0125,C,217.94,28.45,NOPE,broken
            3611030103000001,0103,D,117.94,28.45,XZ-SW,intact
            12345,,E,117.94,28.45,XZ-SW,intact
            """
        let result = Self.read(file)
        #expect(result.records.isEmpty, "nothing is taken from a file with a problem")
        let report = Set(result.problems.map { "\($0.row):\($0.field):\($0.reason.rawValue)" })
        #expect(
            report == [
                "2:code:duplicateCode", "3:class:classMismatch", "3:position:badPosition", "3:ownerUnit:unknownUnit", "3:status:badStatus",
                "4:code:outsideScope", "5:code:badCode", "5:class:missing",
            ])
        #expect(AssetImportProblem.Reason.unknownUnit.message(english: true).allSatisfy { $0.isASCII })
    }

    @Test func geoJSONPointsAreReadWithTheirProperties() {
        let file = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":{"type":"Point","coordinates":[117.9432,28.4551]},
              "properties":{"code":"3611020303000001","name":"垃圾箱","owner_unit":"XZ-CG","status":"damaged"}},
             {"type":"Feature","geometry":{"type":"LineString","coordinates":[[117.9,28.4],[117.95,28.5]]},
              "properties":{"code":"3611020303000002","owner_unit":"XZ-CG"}}
            ]}
            """
        let result = Self.read(file)
        #expect(result.problems == [AssetImportProblem(row: 2, field: "position", reason: .missing)])
        #expect(result.records.isEmpty)
        let good = Self.read(
            file.replacingOccurrences(
                of: "\"LineString\",\"coordinates\":[[117.9,28.4],[117.95,28.5]]", with: "\"Point\",\"coordinates\":[117.95,28.46]"))
        #expect(good.problems.isEmpty && good.records.count == 2 && good.records[0].status == .damaged)
    }

    @Test func anEmptyOrUnreadableFileIsRefusedAsAWhole() {
        #expect(Self.read("code,class\n").problems.map(\.reason) == [.noRows])
        #expect(Self.read("{\"type\":\"Feature\"}").problems.map(\.reason) == [.unreadableFile])
        #expect(Self.read("a,\"b\n").problems.map(\.reason) == [.unreadableFile])
    }
}
