import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

/// A uniform number in [0, 1) from the seeded generator.
private func unit(_ random: inout SplitMix64) -> Double { Double(random.next() >> 11) / Double(UInt64(1) << 53) }

@Suite("Grids: GeoJSON import and export, all or nothing, versioned")
struct GridImportTests {
    static func upload(_ client: TestClient, _ data: Data, query: String = "") async throws -> TestingHTTPResponse {
        try await client.send(
            .POST, "/api/v1/grids/import" + query, headers: ["X-CSRF-Token": try await client.csrf()],
            raw: ([UInt8](data), HTTPMediaType(type: "application", subType: "geo+json")))
    }

    static func square(code: String, parent: String, lon: Double, lat: Double, size: Double) -> String {
        let ring = "[[\(lon),\(lat)],[\(lon + size),\(lat)],[\(lon + size),\(lat + size)],[\(lon),\(lat + size)],[\(lon),\(lat)]]"
        return
            #"{"type":"Feature","properties":{"code":"\#(code)","name":"\#(code)","parent":"\#(parent)"},"geometry":{"type":"Polygon","coordinates":[\#(ring)]}}"#
    }

    static func collection(_ features: [String]) -> Data {
        Data(#"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#.utf8)
    }

    @Test func exportedGridsReimportUnchangedAndPointsLandInTheGridThatContainsThem() async throws {
        try await withLianxin(demo: true) { app, _ in
            let admin = TestClient(app: app)
            try await admin.login("admin")
            let exported = try await admin.send(.GET, "/api/v1/grids")
            #expect(exported.status == .ok)
            #expect(exported.headers.contentType?.subType == "geo+json")
            let data = Data(exported.body.readableBytesView)
            let features = try GeoJSONReader().read(data)
            let before = try await count("grids", app)
            #expect(features.count == before && before > 100)

            let again = try await Self.upload(admin, data)
            #expect(again.status == .ok)
            let report = try again.json(GridImportReport.self)
            #expect(report.unchanged == before && report.added == 0 && report.changed == 0)
            #expect(try await count("grids", app) == before)

            // Point → grid through the server's index agrees with a brute-force scan of the polygons.
            let placement = try await ReferenceData.locator(app.lianxin.referenceCache, on: app.db)
            var random = SplitMix64(seed: 7)
            let boxes = features.compactMap(\.geometry.boundingBox)
            let box = try #require(boxes.first.map { first in boxes.reduce(first) { $0.union($1) } })
            var inside = 0
            for _ in 0..<400 {
                let point = GeoPoint(
                    lon: box.minLon + (box.maxLon - box.minLon) * unit(&random),
                    lat: box.minLat + (box.maxLat - box.minLat) * unit(&random))
                let brute = features.filter { $0.geometry.contains(point) }.map(\.code)
                let found = placement.place(point)?.path.grid
                #expect(brute.count <= 1)
                #expect(found == brute.first, "point \(point)")
                if found != nil { inside += 1 }
            }
            #expect(inside > 100, "most of the county's box is covered by grids")
        }
    }

    @Test func aRenamedGridGetsANewVersionAndNewOrdersKeepIt() async throws {
        try await withLianxin(demo: true) { app, _ in
            let admin = TestClient(app: app)
            try await admin.login("admin")
            var features = try GeoJSONReader().read(Data(try await admin.send(.GET, "/api/v1/grids").body.readableBytesView))
            let target = try #require(features.first { $0.parentCode == "361102001001" })
            let index = try #require(features.firstIndex(of: target))
            features[index].name = "上滩头第一网格"
            let report = try await Self.upload(admin, GeoJSONWriter().write(features)).json(GridImportReport.self)
            #expect(report.changed == 1 && report.added == 0)
            let versions = try await Grid.query(on: app.db).filter(\.$code == target.code).sort(\.$version).all()
            #expect(versions.map(\.version) == [1, 2])
            #expect(versions[0].validTo != nil && versions[1].validTo == nil && versions[1].name == "上滩头第一网格")

            let box = try #require(target.geometry.boundingBox)
            var point = box.center
            var random = SplitMix64(seed: 3)
            while !target.geometry.contains(point) {
                point = GeoPoint(
                    lon: box.minLon + (box.maxLon - box.minLon) * unit(&random), lat: box.minLat + (box.maxLat - box.minLat) * unit(&random))
            }
            let operatorClient = TestClient(app: app)
            try await operatorClient.login("operator")
            let order = try await operatorClient.send(
                .POST, "/api/v1/work-orders", headers: ["X-CSRF-Token": try await operatorClient.csrf()],
                json: NewWorkOrder(title: "路灯不亮", description: "网格内路灯不亮", categoryCode: "0601", latitude: point.lat, longitude: point.lon)
            )
            .json(WorkOrderDTO.self)
            #expect(order.gridCode == target.code && order.gridVersion == 2 && order.divisionCode == "361102001001")

            // Reports cut by the version filed in, or by the grids in force now.
            let filed = try await operatorClient.send(.GET, "/api/v1/grids/order-counts?cut=filed").json([GridsController.GridCount].self)
            #expect(filed.contains { $0.gridCode == target.code && $0.gridVersion == 2 && $0.orders == 1 })
            let current = try await operatorClient.send(.GET, "/api/v1/grids/order-counts?cut=current").json([GridsController.GridCount].self)
            #expect(current.contains { $0.gridCode == target.code && $0.gridVersion == nil && $0.orders == 1 })
            #expect(try await operatorClient.send(.GET, "/api/v1/grids/order-counts?cut=both").status == .unprocessableEntity)
        }
    }

    @Test func badFilesAreRefusedWithEveryReasonAndNothingWritten() async throws {
        try await withLianxin(demo: true) { app, _ in
            let admin = TestClient(app: app)
            try await admin.login("admin")
            admin.cookies["lianxin_lang"] = "en"  // these checks read the English messages (#18 item 1)
            let before = try await count("grids", app)

            let malformed = try await Self.upload(
                admin,
                Data(
                    #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"x"},"geometry":{"type":"Polygon","coordinates":[[[117.9,28.4],[117.91,28.4]]]}}]}"#
                        .utf8))
            #expect(malformed.status == .unprocessableEntity)
            #expect(malformed.body.string.contains("at least 4 positions"))

            let unknown = try await Self.upload(
                admin, Self.collection([Self.square(code: "X1", parent: "361102999999", lon: 110, lat: 20, size: 0.001)]))
            #expect(unknown.status == .unprocessableEntity)
            #expect(try unknown.json(ProblemBody.self).errors?.first?.field == "/features/0/properties/parent")

            // Two new grids overlapping each other, and a third drawn over a grid in force that stays.
            let existing = try #require(try await Grid.query(on: app.db).filter(\.$communityCode == "361102001001").first())
            var copy = try #require(try GeoJSONReader().read(Data(existing.geometry.utf8)).first)
            copy.code = "361102001001903"
            copy.parentCode = "361102001001"
            let copyText = String(decoding: GeoJSONWriter().write([copy]), as: UTF8.self)
            let copyFeature = String(copyText[copyText.range(of: "{\"type\":\"Feature\"")!.lowerBound...].dropLast(4))
            let overlapping = try await Self.upload(
                admin,
                Self.collection([
                    Self.square(code: "361102001001901", parent: "361102001001", lon: 110, lat: 20, size: 0.002),
                    Self.square(code: "361102001001902", parent: "361102001001", lon: 110.001, lat: 20.001, size: 0.002),
                    copyFeature,
                ]))
            #expect(overlapping.status == .unprocessableEntity)
            let messages = try overlapping.json(ProblemBody.self).errors?.map(\.message) ?? []
            #expect(messages.contains { $0.contains("361102001001901") && $0.contains("overlap") })
            #expect(messages.contains { $0.contains("which is in force") })

            let selfCrossing =
                #"{"type":"Feature","properties":{"code":"Z","parent":"361102001001"},"geometry":{"type":"Polygon","coordinates":[[[110,20],[110.01,20.01],[110.01,20],[110,20.01],[110,20]]]}}"#
            let crossing = try await Self.upload(admin, Self.collection([selfCrossing]))
            #expect(crossing.status == .unprocessableEntity)
            #expect(crossing.body.string.contains("crosses or touches itself"))

            #expect(try await count("grids", app) == before)
            let handler = TestClient(app: app)
            try await handler.login("handler")
            #expect(try await Self.upload(handler, Self.collection([])).status == .forbidden)
            #expect(try await auditActions(app).contains { $0.action == "grids.import" && $0.result == "failure" })
        }
    }
}
