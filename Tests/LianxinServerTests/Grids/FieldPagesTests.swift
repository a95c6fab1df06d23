import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

@Suite("Issue 18 items 11 and 12: pickers, the county's base layer, phone layouts")
struct FieldPagesTests {
    static let layer = Data(
        #"""
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"name":"滨江东路"},"geometry":{"type":"LineString","coordinates":[[117.90,28.44],[118.00,28.46]]}},
         {"type":"Feature","properties":{"name":"龙潭湖","kind":"地标"},"geometry":{"type":"Point","coordinates":[117.95,28.45]}},
         {"type":"Feature","properties":{"name":"丰溪河","kind":"river"},"geometry":{"type":"MultiLineString","coordinates":[[[117.9,28.5],[118.0,28.4]]]}}
        ]}
        """#.utf8)

    @Test func item11_theDemoMapsDrawNamedStreetsAndTheImportReplacesTheLayerAudited() async throws {
        try await withLianxin(demo: true) { app, client in
            #expect(try await count("basemap_shapes", app) == DemoBasemap.items(in: BoundingBox(minLon: 0, minLat: 0, maxLon: 1, maxLat: 1)).count)
            let report = try await BasemapImporter(app: app).replace(with: Self.layer, actor: .commandLine)
            #expect(report.roads == 1 && report.rivers == 1 && report.landmarks == 1)
            #expect(try await count("basemap_shapes", app) == 3)
            #expect(try await auditActions(app).contains { $0.action == "basemap.import" && $0.result == "success" })
            try await client.login("operator")
            let map = try await client.send(.GET, "/desk").body.string
            #expect(map.contains(#"<path d="M"#) && map.contains(#"class="road""#) && map.contains(">滨江东路</text>"))
            #expect(map.contains(#"class="river""#) && map.contains(">丰溪河</text>") && map.contains(">龙潭湖</text>"))
        }
    }

    @Test func item11_aBadBaseLayerFileWritesNothingAndNamesEveryFeature() async throws {
        try await withLianxin(demo: true) { app, _ in
            let before = try await count("basemap_shapes", app)
            let bad = Data(
                #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[117.9,28.4],[118,28.5]]}},{"type":"Feature","properties":{"name":"桥"},"geometry":{"type":"Point","coordinates":[117.9]}}]}"#
                    .utf8)
            do {
                _ = try await BasemapImporter(app: app).replace(with: bad, actor: .commandLine)
                Issue.record("a bad file was imported")
            } catch let problem as Problem {
                #expect(problem.status == .unprocessableEntity)
                #expect(problem.errors.map(\.field) == ["/features/0", "/features/1"])
                #expect(Localizer.Language.zhCN.pick(problem.errors[0].message) == "第 1 个要素：缺少名称（name）")
            }
            #expect(try await count("basemap_shapes", app) == before)
        }
    }

    @Test func item11_theResidentMapShowsStreetsAndNoGridCodes() async throws {
        try await withLianxin(demo: true) { _, client in
            let page = try await client.send(.GET, "/p/report").body.string
            #expect(page.contains(#"data-layer="basemap""#) && page.contains(">人民路</text>"))
            #expect(page.range(of: #"<title>[^<]*\d{9,}"#, options: .regularExpression) == nil, "no grid code in the map's titles")
            #expect(page.range(of: #"aria-label="[^"]*\d{9,}"#, options: .regularExpression) == nil, "no grid code read out")
        }
    }

    @Test func item11_theDeskDashboardAndRoutingFormsPickDivisionsByName() async throws {
        try await withLianxin(demo: true) { app, client in
            let township = try #require(
                try await Division.query(on: app.db).filter(\.$level == "township").within(\.$id, DivisionCode("361102")!).first())
            try await client.login("operator")
            let desk = try await client.send(.GET, "/desk").body.string
            #expect(desk.contains(#"<select id="divisionCode" name="divisionCode""#) && !desk.contains(#"<input id="divisionCode""#))
            #expect(desk.contains("\u{3000}" + township.name + "</option>"), "a township indented under its county")
            #expect(desk.contains("data-picker-search"))
            // A refused filing keeps the division chosen.
            let token = try #require(TestClient.csrfToken(in: desk))
            let refused = try await client.send(.POST, "/desk", form: ["_csrf": token, "divisionCode": township.id ?? "", "title": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.string.contains(#"<option value="\#(township.id ?? "")" data-path="#) && refused.body.string.contains("\" selected>"))

            let leader = TestClient(app: app)
            try await leader.login("leader")
            let dashboard = try await leader.send(.GET, "/dashboard").body.string
            #expect(dashboard.contains(#"<select id="dash-division" name="division""#) && !dashboard.contains(#"<input name="division""#))

            let admin = TestClient(app: app)
            try await admin.login("admin")
            let rules = try await admin.send(.GET, "/admin/rules").body.string
            #expect(rules.contains(#"<select id="ru-division" name="divisionCode""#) && !rules.contains(#"<input id="ru-division""#))
        }
    }

    @Test func item11_aStationIsPlacedOnTheMapAndTheCommunityPickedFromTheTree() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("community")
            let page = try await client.send(.GET, "/community/stations").body.string
            let form = try #require(page.components(separatedBy: #"action="/community/stations""#).dropFirst().first)
            #expect(form.contains("data-map") && form.contains(#"data-pick="lat""#) && form.contains(#"<details class="typed-position">"#))
            let picker = try await DivisionPicker.load(
                Request(application: app, on: app.eventLoopGroup.next()), id: "s", name: "communityCode", label: "社区",
                under: DivisionCode("361102")!, selected: nil, only: .community)
            #expect(picker.options.contains { $0.selectable } && picker.options.allSatisfy { $0.selectable == ($0.value.count == 12) })
        }
    }

    @Test func item12_phonesGetAMenuButtonListsAsCardsAndARefusalBesideItsButton() async throws {
        try await withLianxin(demo: true) { app, client in
            let order = try await WorkOrderQueriesTests.fileOrder(app)
            let id = try order.requireID().uuidString
            try await client.login("dispatcher")
            let queue = try await client.send(.GET, "/queue").body.string
            #expect(queue.contains(#"class="nav-toggle""#) && queue.contains(#"class="menu-button""#))
            #expect(queue.contains(#"table small queue stack"#) && queue.contains(#"data-label="#))
            let unit = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first()?.id?.uuidString)
            let token = try #require(TestClient.csrfToken(in: queue))
            #expect(try await client.send(.POST, "/queue/\(id)/route", form: ["_csrf": token, "departmentId": unit]).status == .seeOther)
            let orders = try await client.send(.GET, "/orders").body.string
            #expect(orders.contains("orders stack") && orders.contains(#"data-label="#))

            let handler = TestClient(app: app)
            try await handler.login("handler")
            let page = try await handler.send(.GET, "/orders/\(id)").body.string
            let act = try #require(TestClient.csrfToken(in: page))
            #expect(try await handler.send(.POST, "/orders/\(id)/act", form: ["_csrf": act, "action": "sign"]).status == .seeOther)
            let refused = try await handler.send(.POST, "/orders/\(id)/act", form: ["_csrf": act, "action": "complete", "note": ""])
            #expect(refused.status == .unprocessableEntity)
            let body = refused.body.string
            #expect(body.contains(#"action="/orders/\#(id)/act#act-complete""#), "without JavaScript the browser scrolls to the form")
            let form = try #require(
                body.components(separatedBy: #"id="act-complete""#).dropFirst().first?.components(separatedBy: "</details>").first)
            #expect(form.hasPrefix(" open"), "the refused form is open")
            #expect(form.contains(#"id="error-complete""#) && form.contains(#"class="field-error""#))
            #expect(body.components(separatedBy: #"class="field-error""#).count == 2, "the message is beside the refused form's field only")
        }
    }
}
