import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

/// Issue 21, city assets (部件): the all-or-nothing import with its validation report, scope, the map layer and the
/// asset's page with its history, and a report naming an asset routed to its owner unit.
@Suite("City assets (部件)")
struct AssetRegistryTests {
    /// A point inside a grid of 上滩头社区 (361102001001).
    static func pointInCommunity(_ app: Application) async throws -> GeoPoint {
        let grid = try #require(
            try await Grid.query(on: app.db).filter(\.$communityCode == "361102001001").filter(\.$validTo == nil).sort(\.$code).first())
        let feature = try #require(try GeoJSONReader().read(Data(grid.geometry.utf8)).first)
        let box = try #require(feature.geometry.boundingBox)
        var point = box.center, step = 0
        while !feature.geometry.contains(point), step < 10_000 {
            step += 1
            point = GeoPoint(
                lon: box.minLon + (box.maxLon - box.minLon) * Double(step % 100) / 100,
                lat: box.minLat + (box.maxLat - box.minLat) * Double(step / 100) / 100)
        }
        return point
    }

    /// A unit other than 信州区城管局 that may serve the community: the owner of the test's assets.
    static func otherUnit(_ app: Application) async throws -> Department {
        let choices = try await DepartmentLookup.choices(division: DivisionCode("361102001001")!, for: nil, on: app.db)
        return try #require(choices.first { $0.code != "XZ-CG" })
    }

    static func importCSV(_ client: TestClient, _ text: String) async throws -> TestingHTTPResponse {
        try await client.send(
            .POST, "/api/v1/assets/import", headers: ["X-CSRF-Token": try await client.csrf()], raw: (Array(text.utf8), .plainText))
    }

    @Test func anImportIsAllOrNothingWithAReportAndAReportOnAnAssetGoesToItsOwner() async throws {
        try await withLianxin(demo: true) { app, _ in
            let dispatcher = TestClient(app: app)
            try await dispatcher.login("dispatcher")
            let handler = TestClient(app: app)
            try await handler.login("handler")
            let p = try await Self.pointInCommunity(app)
            let owner = try await Self.otherUnit(app)
            let header = "部件编码,小类,名称,经度,纬度,权属单位,状态,地址\n"
            let good = "3611020103000017,0103,劳动路雨水井盖,\(p.lon),\(p.lat),\(owner.code),完好,劳动路12号\n"
            let light = "3611020125000003,0125,劳动路路灯,\(p.lon),\(p.lat),XZ-CG,破损,\n"

            // One bad row: nothing is imported, and the report names each row and field.
            let bad = "3611020103000018,0125,错类,\(p.lon),\(p.lat),NOPE,坏了,\n"
            let refused = try await Self.importCSV(dispatcher, header + good + bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(Set(try refused.problemFields()) == ["/rows/2/class", "/rows/2/ownerUnit", "/rows/2/status"])
            #expect(try await count("city_assets", app) == 0)
            // A unit's handler may not import.
            #expect(try await Self.importCSV(handler, header + good).status == .forbidden)

            let imported = try await Self.importCSV(dispatcher, header + good + light)
            #expect(imported.status == .ok)
            #expect(try imported.json(AssetService.ImportResult.self).created == 2)
            // Imported again with a new status: updated, and the history says so.
            let again = try await Self.importCSV(dispatcher, header + good.replacingOccurrences(of: "完好", with: "破损"))
            #expect(try again.json(AssetService.ImportResult.self).updated == 1)
            let cover = try #require(try await CityAsset.query(on: app.db).filter(\.$code == "3611020103000017").first())
            #expect(cover.divisionCode == "361102001001" && cover.status == "damaged" && cover.ownerDepartmentID == owner.id)

            // The grid member of the community sees it on the map and files a report naming it: routed to the owner.
            let gridMember = TestClient(app: app)
            try await gridMember.login("gridmember")
            let page = try await gridMember.send(.GET, "/assets").body.string
            #expect(page.contains("asset-markers") && page.contains("劳动路雨水井盖") && page.contains("/js/assets-map.js"))
            let report = try await gridMember.send(
                .POST, "/api/v1/assets/\(cover.code)/reports", headers: ["X-CSRF-Token": try await gridMember.csrf()],
                json: ["title": "井盖破损", "description": "劳动路 12 号门前雨水井盖破裂，有行人踩空风险。", "categoryCode": "0601"])
            #expect(report.status == .created)
            let order = try report.json(WorkOrderDTO.self)
            let row = try #require(try await WorkOrder.find(order.id, on: app.db))
            #expect(row.suggestedDepartmentID == owner.id, "routed to the asset's owner, not the category's unit")
            #expect(row.latitude == cover.latitude && row.divisionCode == "361102001001")
            // The asset's page lists its history with the order.
            let detail = try await gridMember.send(.GET, "/api/v1/assets/\(try cover.requireID())").json(AssetDetailDTO.self)
            #expect(detail.history.map(\.kind) == ["reported", "imported", "registered"])
            #expect(detail.history.first?.orderNumber == row.number)
            let html = try await gridMember.send(.GET, "/assets/code/\(cover.code)").headers.first(name: .location)
            #expect(html == "/assets/\(try cover.requireID())")
            #expect(try await gridMember.send(.GET, "/assets/\(try cover.requireID())").body.string.contains(row.number))
        }
    }

    @Test func assetsOutOfScopeAre404AndBadInputIsNamed() async throws {
        try await withLianxin(demo: true) { app, _ in
            let dispatcher = TestClient(app: app)
            try await dispatcher.login("dispatcher")
            let p = try await Self.pointInCommunity(app)
            let geoJSON = """
                {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[\(p.lon),\(p.lat)]},
                "properties":{"code":"3611020303000001","name":"垃圾箱","owner_unit":"XZ-CG"}}]}
                """
            let imported = try await dispatcher.send(
                .POST, "/api/v1/assets/import", headers: ["X-CSRF-Token": try await dispatcher.csrf()], raw: (Array(geoJSON.utf8), .json))
            #expect(imported.status == .ok)
            let bin = try #require(try await CityAsset.query(on: app.db).first())
            _ = try await AccountService(application: app, database: app.db).create(
                .init(
                    username: "far-gridmember", displayName: "F", password: "Str0ng-pass!", role: "gridMember",
                    divisionCode: "361102001003", departmentCode: nil), by: nil, actor: .commandLine)
            let far = TestClient(app: app)
            try await far.login("far-gridmember", "Str0ng-pass!")
            #expect(try await far.send(.GET, "/api/v1/assets/\(try bin.requireID())").status == .notFound)
            #expect(try await far.send(.GET, "/assets/code/\(bin.code)").status == .notFound)
            #expect(try await far.send(.GET, "/api/v1/assets").json([AssetDTO].self).isEmpty)
            let reportFar = try await far.send(
                .POST, "/api/v1/assets/\(bin.code)/reports", headers: ["X-CSRF-Token": try await far.csrf()],
                json: ["title": "满溢", "description": "垃圾箱满溢", "categoryCode": "0601"])
            #expect(reportFar.status == .notFound)
            // Edits: a bad status and an unknown unit are named; nothing changes.
            let edit = try await dispatcher.send(
                .PATCH, "/api/v1/assets/\(try bin.requireID())", headers: ["X-CSRF-Token": try await dispatcher.csrf()],
                json: ["status": "broken", "ownerUnitId": UUID().uuidString])
            #expect(edit.status == .unprocessableEntity)
            #expect(Set(try edit.problemFields()) == ["/status", "/ownerUnitId"])
            let fine = try await dispatcher.send(
                .PATCH, "/api/v1/assets/\(try bin.requireID())", headers: ["X-CSRF-Token": try await dispatcher.csrf()], json: ["status": "missing"])
            #expect(try fine.json(AssetDTO.self).status == "missing")
            // A report missing its title is refused beside the field on the page, what was typed kept.
            let gridMember = TestClient(app: app)
            try await gridMember.login("gridmember")
            let page = try await gridMember.send(
                .POST, "/assets/\(try bin.requireID())/report",
                form: ["_csrf": try await gridMember.csrf("/assets/\(try bin.requireID())"), "description": "箱体被撞倒", "categoryCode": "0601"])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains("r-title-error") && page.body.string.contains("箱体被撞倒"))
            // The import page shows the report beside the file field.
            let form = try await dispatcher.send(
                .POST, "/assets/import",
                form: ["_csrf": try await dispatcher.csrf("/assets")])
            #expect(form.status == .unprocessableEntity && form.body.string.contains("a-file-report"))
        }
    }
}
