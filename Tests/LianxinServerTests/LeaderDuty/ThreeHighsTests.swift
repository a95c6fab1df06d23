import Fluent
import Foundation
import LianxinCore
import Testing
import Vapor
import VaporTesting
@testable import LianxinServer

/// 三高包保 through the API and the page: each tier only to its level of leader in their own division, a matter's
/// orders counted by month with the trend, open and overdue; the leader's tasks; bad input and scope.
@Suite("三高包保: tier ↔ leader level, a matter's orders by month and trend, tasks; scope and bad input")
struct ThreeHighsTests {
    struct Created: Decodable {
        let id: String
        let status: String?
    }

    /// Files an order of `category` in 信州区 through the service, as the hotline desk would.
    static func fileOrder(_ app: Application, category: String, place: Int) async throws -> WorkOrder {
        let user = try #require(try await User.query(on: app.db).filter(\.$username == "operator").first())
        let principal = try Principal(user: user, sessionID: nil, csrfToken: nil)
        let service = WorkOrderService(application: app, database: app.db)
        var input = NewWorkOrder()
        input.title = "小广告"
        input.description = "幸福小区\(place)栋楼道里贴满了办证小广告"
        input.categoryCode = category
        input.divisionCode = "361102"
        let valid = try await service.validate(input, scope: principal.division)
        return try await service.create(valid, by: principal.workOrderActor, idempotencyKey: nil).0
    }

    @Test func eachTierGoesToItsLevelAndTheMattersOrdersAreCountedByMonth() async throws {
        try await withLianxin(demo: true) { app, client in
            let city = try await LeaderDutyTests.token("leader", app)
            let county = try await LeaderDutyTests.id("xzleader", app)
            let township = try await LeaderDutyTests.id("snleader", app)
            let wrongLevel = try await client.send(
                .POST, "/api/v1/three-highs/matters", headers: city,
                json: ThreeHighsService.MatterInput(leaderId: township, divisionCode: "361102001", categoryCode: "0306", tier: "highRisk"))
            #expect(
                try wrongLevel.status == .unprocessableEntity && wrongLevel.problemFields() == ["/tier"], "a township leader and a high-risk matter"
            )
            let outside = try await client.send(
                .POST, "/api/v1/three-highs/matters", headers: city,
                json: ThreeHighsService.MatterInput(leaderId: county, divisionCode: "361103", categoryCode: "0201", tier: "highFrequency"))
            #expect((try outside.problemFields()) == ["/divisionCode"], "another county's matter")
            let assigned = try await client.send(
                .POST, "/api/v1/three-highs/matters", headers: city,
                json: ThreeHighsService.MatterInput(
                    leaderId: county, divisionCode: "361102", categoryCode: "0201", tier: "highFrequency", note: "楼道小广告反复出现"))
            #expect(assigned.status == .created, "\(assigned.body.string)")
            let matterID = try assigned.json(Created.self).id
            let again = try await client.send(
                .POST, "/api/v1/three-highs/matters", headers: city,
                json: ThreeHighsService.MatterInput(leaderId: county, divisionCode: "361102", categoryCode: "0201", tier: "highFrequency"))
            #expect(again.status == .conflict)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "leader-matter.assign").count() == 1)

            for place in 1...3 { _ = try await Self.fileOrder(app, category: "0201", place: place) }
            let old = try await Self.fileOrder(app, category: "0201", place: 4)
            old.createdAt = app.lianxin.now().addingTimeInterval(-62 * 86_400)
            try await old.save(on: app.db)
            _ = try await Self.fileOrder(app, category: "0101", place: 5)
            let today = LocalDate(app.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
            let task = try await client.send(
                .POST, "/api/v1/three-highs/matters/\(matterID)/tasks", headers: city,
                json: ThreeHighsService.TaskInput(
                    description: "组织城管和社区集中清理一次", ownerUnitId: try await LeaderDutyTests.unit("XZ-CG", app),
                    deadline: today.adding(days: 7).description))
            #expect(task.status == .created, "\(task.body.string)")
            let taskID = try task.json(Created.self).id

            let figures = try (try await client.send(.GET, "/api/v1/three-highs/overview", headers: city)).json(ThreeHighsFigures.self)
            let line = try #require(figures.matters.first { $0.id == matterID })
            #expect(line.category == "非法小广告" && line.tierCode == "highFrequency" && line.division == "信州区")
            #expect(line.thisMonth == 3 && line.months.map(\.count).reduce(0, +) == 4 && line.open == 4, "\(line.months)")
            #expect(line.tasks.count == 1 && line.tasks[0].open && !line.tasks[0].overdue)
            #expect(figures.tiers.first { $0.name == "高频诉求" }?.matters == 2, "the demo's and this one")
            let done = try await client.send(.POST, "/api/v1/three-highs/tasks/\(taskID)/actions", headers: city, json: ["action": "done"])
            #expect(try done.json(Created.self).status == "done")
            let twice = try await client.send(.POST, "/api/v1/three-highs/tasks/\(taskID)/actions", headers: city, json: ["action": "done"])
            #expect(twice.status == .conflict)

            let page = TestClient(app: app)
            try await page.login("leader")
            let html = try await page.send(.GET, "/three-highs")
            #expect(html.status == .ok && html.body.string.contains("楼道小广告反复出现") && html.body.string.contains("id=\"th-matter-form\""))
        }
    }

    @Test func badInputIsNamedAndAnotherCommunitySeesNothing() async throws {
        try await withLianxin(demo: true) { app, client in
            let staff = try await PartyVillage.bearer("cs-highs", role: "communityStaff", division: "361102001001", app)
            let other = try await PartyVillage.bearer("cs-highs-other", role: "communityStaff", division: "361102001003", app)
            let bad = try await client.send(
                .POST, "/api/v1/three-highs/matters", headers: staff,
                json: ThreeHighsService.MatterInput(leaderId: "", divisionCode: "", categoryCode: "99", tier: "highest"))
            #expect(Set(try bad.problemFields()) == ["/leaderId", "/divisionCode", "/categoryCode", "/tier"])
            let township = try await LeaderDutyTests.id("snleader", app)
            let mine = try await client.send(
                .POST, "/api/v1/three-highs/matters", headers: staff,
                json: ThreeHighsService.MatterInput(leaderId: township, divisionCode: "361102001001", categoryCode: "0103", tier: "highIncidence"))
            #expect(mine.status == .created, "\(mine.body.string)")
            let matterID = try mine.json(Created.self).id
            let theirs = try await client.send(
                .POST, "/api/v1/three-highs/matters", headers: staff,
                json: ThreeHighsService.MatterInput(leaderId: township, divisionCode: "361102001003", categoryCode: "0103", tier: "highIncidence"))
            #expect(theirs.status == .notFound, "another community")
            let badTask = try await client.send(
                .POST, "/api/v1/three-highs/matters/\(matterID)/tasks", headers: staff,
                json: ThreeHighsService.TaskInput(description: "", ownerUnitId: "", deadline: "明天"))
            #expect(Set(try badTask.problemFields()) == ["/description", "/ownerUnitId", "/deadline"])
            let stolen = try await client.send(
                .POST, "/api/v1/three-highs/matters/\(matterID)/tasks", headers: other,
                json: ThreeHighsService.TaskInput(description: "清理杂物", ownerUnitId: try await LeaderDutyTests.unit("XZ-CG", app), deadline: nil))
            #expect(stolen.status == .notFound)
            let demoTask = try #require(try await LeaderMatterTask.query(on: app.db).first())
            #expect(
                try await client.send(
                    .POST, "/api/v1/three-highs/tasks/\(try demoTask.requireID())/actions", headers: staff, json: ["action": "done"]
                ).status == .notFound)
            let figures = try (try await client.send(.GET, "/api/v1/three-highs/overview", headers: other)).json(ThreeHighsFigures.self)
            #expect(figures.matters.isEmpty)
            let handler = try await LeaderDutyTests.handler("cg-highs", unit: "XZ-CG", app)
            let refused = try await client.send(
                .POST, "/api/v1/three-highs/matters", headers: handler,
                json: ThreeHighsService.MatterInput(leaderId: township, divisionCode: "361102001001", categoryCode: "0103", tier: "highIncidence"))
            #expect(refused.status == .forbidden)
        }
    }
}
