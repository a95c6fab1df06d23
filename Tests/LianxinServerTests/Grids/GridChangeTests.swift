import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

@Suite("Grid changes: 三上三下 from township proposal to county approval to the effective day")
struct GridChangeTests {
    /// A proposal that splits off `grid` as a new grid with the same outline (the old one retires).
    static func proposal(replacing grid: Grid, newCode: String, title: String = "上滩头社区一网格拆分") throws -> [String: Any] {
        var feature = try #require(try GeoJSONReader().read(Data(grid.geometry.utf8)).first)
        feature.code = newCode
        feature.name = "上滩头新一网格"
        feature.parentCode = grid.communityCode
        let collection = try JSONSerialization.jsonObject(with: GeoJSONWriter().write([feature]))
        return ["kind": "split", "title": title, "reason": "户数增加到 600 户，按一网格 300 户重新划分", "retiringCodes": [grid.code], "grids": collection]
    }

    static func send(_ client: TestClient, _ method: HTTPMethod, _ path: String, _ body: [String: Any]) async throws -> TestingHTTPResponse {
        try await client.send(
            method, path, headers: ["X-CSRF-Token": try await client.csrf()],
            raw: ([UInt8](try JSONSerialization.data(withJSONObject: body)), .json))
    }

    @Test func aSplitGoesUpDownAndUpAgainThenTakesEffectOnItsDay() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let grid = try #require(
                try await Grid.query(on: app.db).filter(\.$communityCode == "361102001001").filter(\.$validTo == nil).sort(\.$code).first())
            let township = TestClient(app: app), department = TestClient(app: app), county = TestClient(app: app)
            try await township.login("community")
            try await department.login("deptlead")
            try await county.login("leader")

            // A building with its position inside the grid, so the new grid can count its households.
            let feature = try #require(try GeoJSONReader().read(Data(grid.geometry.utf8)).first)
            let box = try #require(feature.geometry.boundingBox)
            var point = box.center, step = 0
            while !feature.geometry.contains(point), step < 10_000 {
                step += 1
                point = GeoPoint(
                    lon: box.minLon + (box.maxLon - box.minLon) * Double(step % 100) / 100,
                    lat: box.minLat + (box.maxLat - box.minLat) * Double(step / 100) / 100)
            }
            let csv =
                "grid_code,building,door,name,id_number,relation,latitude,longitude\n"
                + "\(grid.code),新建小区 1 栋,1-101,赵新,\(DemoResidents.idNumber("361102", "19800101", 71)),head,\(point.lat),\(point.lon)\n"
                + "\(grid.code),新建小区 1 栋,1-101,赵小新,\(DemoResidents.idNumber("361102", "20100101", 72)),child,\(point.lat),\(point.lon)\n"
            let imported = try await township.send(
                .POST, "/api/v1/residents/import", headers: ["X-CSRF-Token": try await township.csrf()],
                raw: (Array(csv.utf8), HTTPMediaType(type: "text", subType: "csv")))
            #expect(imported.status == .ok || imported.status == .created, "\(imported.body.string)")
            let badPosition =
                "grid_code,building,door,name,id_number,relation,latitude,longitude\n"
                + "\(grid.code),新建小区 2 栋,1-101,钱新,\(DemoResidents.idNumber("361102", "19800101", 73)),head,28.45,\n"
            let refused = try await township.send(
                .POST, "/api/v1/residents/import", headers: ["X-CSRF-Token": try await township.csrf()],
                raw: (Array(badPosition.utf8), HTTPMediaType(type: "text", subType: "csv")))
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("latitude"))

            let created = try await Self.send(township, .POST, "/api/v1/grid-changes", try Self.proposal(replacing: grid, newCode: "361102001001091"))
            #expect(created.status == .created)
            let change = try created.json(GridChangesController.ChangeDTO.self)
            #expect(change.status == "submitted" && change.round == 1 && change.divisionCode == "361102001001")

            let detailResponse = try await department.send(.GET, "/api/v1/grid-changes/\(change.id)")
            let detail = try detailResponse.json(GridChangesController.ChangeDTO.self)
            #expect(detail.impact?.replacedGrids.map(\.code) == [grid.code])
            #expect((detail.impact?.replacedGrids.first?.households ?? 0) > 0, "the demo households of the grid being split")
            #expect(detail.impact?.newGrids.first?.areaSquareMetres ?? 0 > 1000)
            #expect(
                detail.impact?.newGrids.first?.households == 1 && detail.impact?.newGrids.first?.residents == 2,
                "the positioned building inside the new grid")
            #expect((detail.impact?.buildingsWithoutPosition ?? 0) > 0, "the demo buildings have no position")
            #expect(detail.plan?.added == 1 && detail.plan?.retired == 1)

            // The county cannot approve before a department has.
            let early = try await Self.send(
                county, .POST, "/api/v1/grid-changes/\(change.id)/decision", ["decision": "approve", "effectiveOn": "2026-12-01"])
            #expect(early.status == .conflict)

            // 一下: the department returns it; 二上: the township resubmits.
            #expect(
                try await Self.send(department, .POST, "/api/v1/grid-changes/\(change.id)/reviews", ["decision": "return"]).status
                    == .unprocessableEntity,
                "a return needs its reason")
            let returned = try await Self.send(
                department, .POST, "/api/v1/grid-changes/\(change.id)/reviews",
                ["decision": "return", "comment": "请附上新网格的网格员安排"])
            #expect(try returned.json(GridChangesController.ChangeDTO.self).status == "returned")
            let again = try await Self.send(
                township, .PUT, "/api/v1/grid-changes/\(change.id)",
                try Self.proposal(replacing: grid, newCode: "361102001001091", title: "上滩头社区一网格拆分（含网格员安排）"))
            #expect(try again.json(GridChangesController.ChangeDTO.self).round == 2)
            #expect(try await Self.send(department, .POST, "/api/v1/grid-changes/\(change.id)/reviews", ["decision": "approve"]).status == .ok)

            // The county approves for tomorrow (Beijing); nothing changes until that day.
            let today = LocalDate(clock.now, in: GridChangesController.beijing)
            let yesterday = LocalDate(daysSinceEpoch: today.daysSinceEpoch - 1), tomorrow = LocalDate(daysSinceEpoch: today.daysSinceEpoch + 1)
            #expect(
                try await Self.send(
                    county, .POST, "/api/v1/grid-changes/\(change.id)/decision",
                    ["decision": "approve", "effectiveOn": yesterday.description]
                ).status == .unprocessableEntity)
            let approved = try await Self.send(
                county, .POST, "/api/v1/grid-changes/\(change.id)/decision",
                ["decision": "approve", "effectiveOn": tomorrow.description])
            #expect(try approved.json(GridChangesController.ChangeDTO.self).status == "approved")
            #expect(try await GridChangeApplier.applyDue(app) == 0)
            #expect(try await Grid.query(on: app.db).filter(\.$code == grid.code).filter(\.$validTo == nil).count() == 1)

            clock.advance(86_400 * 1.5)
            #expect(try await GridChangeApplier.applyDue(app) == 1)
            #expect(try await Grid.query(on: app.db).filter(\.$code == grid.code).filter(\.$validTo == nil).count() == 0)
            #expect(try await Grid.query(on: app.db).filter(\.$code == "361102001001091").filter(\.$validTo == nil).count() == 1)
            try await county.login("leader")  // a day and a half later: a new session
            let done = try await county.send(.GET, "/api/v1/grid-changes/\(change.id)").json(GridChangesController.ChangeDTO.self)
            #expect(done.status == "effective" && done.appliedAt != nil)
            #expect(done.reviews?.map(\.decision) == ["return", "approve", "countyApprove"])
            #expect(try await auditActions(app).filter { $0.action == "grids.change" }.count >= 5)
        }
    }

    @Test func proposalsThatDoNotFitAreRefusedWithTheReasonAndOnlyTheRightPeopleAct() async throws {
        try await withLianxin(demo: true) { app, _ in
            let grids = try await Grid.query(on: app.db).filter(\.$communityCode == "361102001001").filter(\.$validTo == nil).sort(\.$code).all()
            let township = TestClient(app: app)
            try await township.login("community")
            township.cookies["lianxin_lang"] = "en"  // these checks read the English messages (#18 item 1)
            // Drawn over a neighbouring grid that stays in force.
            var overlapping = try Self.proposal(replacing: grids[0], newCode: "361102001001092")
            overlapping["retiringCodes"] = [grids[1].code]
            let overlap = try await Self.send(township, .POST, "/api/v1/grid-changes", overlapping)
            #expect(overlap.status == .unprocessableEntity)
            #expect(overlap.body.string.contains("in force"))
            // Missing fields are all named.
            let empty = try await Self.send(township, .POST, "/api/v1/grid-changes", ["kind": "split"])
            let fields = Set(try empty.json(ProblemBody.self).errors?.map(\.field) ?? [])
            #expect(fields == ["/title", "/reason", "/grids", "/retiringCodes"])
            // Another community's grid is outside this account's division.
            let other = try #require(try await Grid.query(on: app.db).filter(\.$communityCode == "361102002001").filter(\.$validTo == nil).first())
            let outside = try await Self.send(
                township, .POST, "/api/v1/grid-changes", try Self.proposal(replacing: other, newCode: "361102002001091"))
            #expect(outside.status == .unprocessableEntity)
            #expect(try await count("grid_changes", app) == 0)

            let handler = TestClient(app: app)
            try await handler.login("handler")
            #expect(try await handler.send(.GET, "/api/v1/grid-changes").status == .forbidden)
            let created = try await Self.send(
                township, .POST, "/api/v1/grid-changes", try Self.proposal(replacing: grids[0], newCode: "361102001001093"))
            let id = try created.json(GridChangesController.ChangeDTO.self).id
            #expect(
                try await Self.send(township, .POST, "/api/v1/grid-changes/\(id)/decision", ["decision": "approve", "effectiveOn": "2030-01-01"])
                    .status == .forbidden)
        }
    }
}
