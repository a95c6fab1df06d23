import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer

/// Issue 16 item 8: data every division shares (SLA policies, the working calendar, assessment
/// schemes, resident tags, visit cadences, detection parameters) is changed only at the level the
/// deployment serves; a division's administrator changes only their division's grids.
@Suite("Reference data shared by every division needs the deployment's level")
struct ReferenceAuthorityTests {
    /// An administrator of one county (信州区) of the demo city, signed in.
    private func countyAdmin(_ app: Application, division: String = "361102") async throws -> TestClient {
        _ = try await AccountService(application: app, database: app.db).create(
            .init(
                username: "county-admin", displayName: "区管理员", password: "Str0ng-pass!", role: "admin",
                divisionCode: division, departmentCode: nil), by: nil, actor: .commandLine)
        try await enrolTOTP("county-admin", app)
        let client = TestClient(app: app)
        try await client.login("county-admin", "Str0ng-pass!")
        return client
    }

    private func put(_ client: TestClient, _ path: String, _ body: Any) async throws -> TestingHTTPResponse {
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await client.send(.PUT, path, headers: ["X-CSRF-Token": try await client.csrf()], raw: (Array(data), .json))
    }

    @Test func item08_aCountyAdministratorCannotChangeTheCitysSharedRules() async throws {
        try await withLianxin(demo: true) { app, _ in
            let county = try await countyAdmin(app)
            let policies = try await county.send(.GET, "/api/v1/sla-policies")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: policies.body)) as? [[String: Any]])
            var policy = try #require(list.first { $0["code"] as? String == "12530" })
            policy["name"] = "被篡改"
            #expect(try await put(county, "/api/v1/sla-policies/12530", policy).status == .forbidden)
            let notice = "date,kind,name\n2027-01-01,holiday,元旦\n"
            let days = try await county.send(
                .POST, "/api/v1/calendar-days", headers: ["X-CSRF-Token": try await county.csrf()], raw: (Array(notice.utf8), .plainText))
            #expect(days.status == .forbidden)
            let scheme: [String: Any] = [
                "code": "closure", "name": ["zh": "结案考核", "en": "Closure"],
                "weights": [["indicator": "closureRate", "weight": 1]], "minimumOrders": 1,
            ]
            #expect(try await put(county, "/api/v1/assessment-schemes/closure", scheme).status == .forbidden)
            #expect(try await put(county, "/api/v1/visit-rules/hardship", ["cadence": "daily"]).status == .forbidden)
            let tag: [String: Any] = ["chineseLabel": "重点关注", "englishLabel": "Watch", "active": true]
            #expect(try await put(county, "/api/v1/resident-tags/watch", tag).status == .forbidden)
            let denials = try await auditActions(app).filter { $0.action == "permission.denied" }
            #expect(denials.count >= 5, "each refusal is audited")
            // The city's administrator still may.
            let city = TestClient(app: app)
            try await city.login("admin")
            #expect(try await put(city, "/api/v1/visit-rules/hardship", ["cadence": "daily"]).status == .ok)
            #expect(try await put(city, "/api/v1/assessment-schemes/closure", scheme).status == .ok)
        }
    }

    @Test func item08_communityStaffCannotChangeTagsOrVisitCadences() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("community")
            #expect(try await put(client, "/api/v1/visit-rules/hardship", ["cadence": "daily"]).status == .forbidden)
            let tag: [String: Any] = ["chineseLabel": "重点关注", "englishLabel": "Watch", "active": true]
            #expect(try await put(client, "/api/v1/resident-tags/watch", tag).status == .forbidden)
            #expect(try await client.send(.GET, "/api/v1/visit-rules").status == .ok, "reading the cadences stays open to staff")
        }
    }

    @Test func item08_aCountyAdministratorCannotReplaceAnotherCountysGrids() async throws {
        try await withLianxin(demo: true) { app, _ in
            let guangfeng = try await countyAdmin(app, division: "361103")
            let before = try await Grid.query(on: app.db).filter(\.$communityCode == "361102001001").filter(\.$validTo == nil).count()
            #expect(before > 0)
            let file = GridImportTests.collection([
                GridImportTests.square(code: "361102001001-X1", parent: "361102001001", lon: 117.97, lat: 28.45, size: 0.001)
            ])
            let refused = try await GridImportTests.upload(guangfeng, file, query: "?replace=true")
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.problemFields().contains("/features/0/properties/parent"))
            let after = try await Grid.query(on: app.db).filter(\.$communityCode == "361102001001").filter(\.$validTo == nil).count()
            #expect(after == before, "no grid of 信州区 was retired")
        }
    }
}
