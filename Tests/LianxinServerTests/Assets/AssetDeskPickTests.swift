import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

/// Issue 21: the desk's report names its city asset (部件) without typing: the desk's map carries the assets in scope
/// and tapping one fills the asset code (typed or scanned codes work too). The order is filed at the asset's place,
/// suggested to its owner unit and listed in the asset's history; an unknown code is refused beside its field.
@Suite("Desk picks an asset (部件)")
struct AssetDeskPickTests {
    @Test func theDeskFilesAReportOnTheAssetPickedAtItsPlaceForItsOwner() async throws {
        try await withLianxin(demo: true) { app, _ in
            let dispatcher = TestClient(app: app)
            try await dispatcher.login("dispatcher")
            let p = try await AssetRegistryTests.pointInCommunity(app)
            let owner = try await AssetRegistryTests.otherUnit(app)
            let csv = "部件编码,小类,名称,经度,纬度,权属单位,状态,地址\n3611020103000017,0103,劳动路雨水井盖,\(p.lon),\(p.lat),\(owner.code),破损,劳动路12号\n"
            #expect(try await AssetRegistryTests.importCSV(dispatcher, csv).status == .ok)
            let cover = try #require(try await CityAsset.query(on: app.db).filter(\.$code == "3611020103000017").first())

            let desk = TestClient(app: app)
            try await desk.login("operator")
            let html = try await desk.send(.GET, "/desk").body.string
            #expect(html.contains("id=\"asset-pick-markers\"") && html.contains("3611020103000017") && html.contains("/js/asset-pick.js"))
            #expect(html.contains("<label for=\"assetCode\""), "the asset field has a label")
            let token = try #require(TestClient.csrfToken(in: html))
            let before = try await count("work_orders", app)
            var form = [
                "_csrf": token, "idempotencyKey": UUID().uuidString, "title": "井盖破损", "description": "劳动路 12 号门前雨水井盖破裂",
                "categoryCode": "0601", "channel": "hotline", "requestKind": "report", "requesterPhone": "13907931111",
                "requesterName": "王先生", "assetCode": "3611020103999999",
            ]
            // A code that is no asset: refused beside the field, what was typed kept, nothing written.
            let unknown = try await desk.send(.POST, "/desk", form: form)
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("id=\"assetCode-error\"") && unknown.body.string.contains("value=\"3611020103999999\""))
            #expect(try await count("work_orders", app) == before)
            // The asset tapped on the map (the page fills its code; the place comes from the asset).
            form["assetCode"] = cover.code
            let filed = try await desk.send(.POST, "/desk", form: form)
            #expect(filed.status == .seeOther)
            let id = try WorkbenchPagesTests.orderID(filed.headers.first(name: .location))
            let row = try #require(try await WorkOrder.find(UUID(uuidString: id), on: app.db))
            #expect(row.suggestedDepartmentID == owner.id, "suggested to the asset's owner unit")
            #expect(row.latitude == cover.latitude && row.longitude == cover.longitude && row.divisionCode == "361102001001")
            #expect(row.address == "劳动路12号")
            let events = try await CityAssetEvent.query(on: app.db).filter(\.$assetID == (try cover.requireID())).all()
            #expect(events.contains { $0.kind == "reported" && $0.orderID == row.id }, "the asset's history lists the report")
        }
    }

    @Test func theResidentsReportPicksTheAssetOnThePublicMapToo() async throws {
        try await withLianxin(demo: true) { app, _ in
            let dispatcher = TestClient(app: app)
            try await dispatcher.login("dispatcher")
            let p = try await AssetRegistryTests.pointInCommunity(app)
            let owner = try await AssetRegistryTests.otherUnit(app)
            let csv = "部件编码,小类,名称,经度,纬度,权属单位,状态,地址\n3611020125000003,0125,劳动路路灯,\(p.lon),\(p.lat),\(owner.code),破损,\n"
            #expect(try await AssetRegistryTests.importCSV(dispatcher, csv).status == .ok)
            let light = try #require(try await CityAsset.query(on: app.db).filter(\.$code == "3611020125000003").first())
            let resident = TestClient(app: app)
            let page = try await resident.send(.GET, "/p/report").body.string
            #expect(page.contains("id=\"asset-pick-markers\"") && page.contains("3611020125000003") && page.contains("/js/asset-pick.js"))
            let token = try #require(TestClient.csrfToken(in: page))
            // A code that is no asset is named beside its field; the asset picked places the report (no other place given).
            let unknown = try await resident.send(
                .POST, "/p/report", form: ["_csrf": token, "description": "路灯不亮好几天了", "assetCode": "3611020125999999"])
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("id=\"r-asset-error\""))
            let sent = try await resident.send(
                .POST, "/p/report", form: ["_csrf": token, "description": "路灯不亮好几天了，晚上一片漆黑", "assetCode": light.code])
            #expect(sent.status == .seeOther)
            let code = String(try #require(sent.headers.first(name: .location)).dropFirst("/p/track/".count).prefix { $0 != "?" })
            let order = try #require(try await WorkOrder.query(on: app.db).filter(\.$trackingCode == code).first())
            #expect(order.suggestedDepartmentID == owner.id && order.latitude == light.latitude && order.divisionCode == "361102001001")
            let events = try await CityAssetEvent.query(on: app.db).filter(\.$assetID == (try light.requireID())).all()
            #expect(events.contains { $0.kind == "reported" && $0.orderID == order.id })
        }
    }

    @Test func anAssetsQRLabelOpensTheResidentsReportWithTheAssetNamed() async throws {
        try await withLianxin(demo: true) { app, _ in
            let dispatcher = TestClient(app: app)
            try await dispatcher.login("dispatcher")
            let p = try await AssetRegistryTests.pointInCommunity(app)
            let owner = try await AssetRegistryTests.otherUnit(app)
            let csv = "部件编码,小类,名称,经度,纬度,权属单位,状态,地址\n3611020103000018,0103,劳动路雨水井盖,\(p.lon),\(p.lat),\(owner.code),完好,劳动路14号\n"
            #expect(try await AssetRegistryTests.importCSV(dispatcher, csv).status == .ok)
            let cover = try #require(try await CityAsset.query(on: app.db).filter(\.$code == "3611020103000018").first())
            let label = try await dispatcher.send(.GET, "/assets/\(try cover.requireID())/label.svg")
            #expect(label.status == .ok && label.headers.contentType?.subType == "svg+xml")
            // The label is the QR code of the report page with the asset named (QRCode itself is read back by zbar elsewhere).
            let url = app.lianxin.settings.publicBaseURL + "/p/report?asset=3611020103000018"
            #expect(label.body.string == (try QRCode(encoding: url, correction: .medium)).svg(moduleSize: 6, quietZone: 4))
            let page = try await TestClient(app: app).send(.GET, "/p/report?asset=3611020103000018").body.string
            #expect(page.contains("name=\"assetCode\" value=\"3611020103000018\""), "the scanned asset is already named")
            #expect(try await dispatcher.send(.GET, "/assets/\(UUID())/label.svg").status == .notFound)
        }
    }
}
