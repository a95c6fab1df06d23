import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

@Suite("每月一题: a topic taken up, its tasks done by their units, closed; the class's requests before and after")
struct MonthlyTopicServerTests {
    static func post(_ client: TestClient, _ path: String, _ body: [String: String]) async throws -> TestingHTTPResponse {
        try await client.send(.POST, path, headers: ["X-CSRF-Token": try await client.csrf()], json: body)
    }

    /// Files `count` street-light requests and dates them `day` 10:00 Beijing time, as an import of earlier orders
    /// would (the figures count orders by when they were received).
    static func orders(_ count: Int, on day: LocalDate, staff: Staff, app: Application) async throws {
        for _ in 0..<count {
            let order = try await staff.create().json(WorkOrderDTO.self)
            let row = try #require(try await WorkOrder.find(order.id, on: app.db))
            row.createdAt = WorkCalendar.china.instant(on: day, minute: 600)
            try await row.update(on: app.db)
        }
    }

    @Test func aTopicComparesTheMonthsBeforeAndAfterAndClosesWhenItsTasksAreDone() async throws {
        let clock = TestClock(WorkCalendar.china.instant(on: "2026-12-07", minute: 600))
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let leader = TestClient(app: app)
            try await leader.login("leader")
            // The demo's own street-light requests are moved out of the months compared.
            try await WorkOrder.query(on: app.db).filter(\.$categoryCode =~ "06").set(
                \.$createdAt, to: WorkCalendar.china.instant(on: "2020-01-15", minute: 600)
            )
            .update()
            // June, July, August: 3, 2, 4 street-light requests (average 3); the topic in September; October 1, November 2.
            for (month, count) in [("06", 3), ("07", 2), ("08", 4), ("09", 5), ("10", 1), ("11", 2)] {
                try await Self.orders(count, on: LocalDate(iso: "2026-\(month)-15")!, staff: staff, app: app)
            }
            let refused = try await Self.post(
                leader, "/api/v1/topics", ["title": "路灯", "month": "2026-13", "categoryCode": "", "divisionCode": "", "description": "短"])
            #expect(refused.status == .unprocessableEntity)
            #expect(Set(try refused.problemFields()) == ["/title", "/month", "/categoryCode", "/divisionCode", "/description"])
            let created = try await Self.post(
                leader, "/api/v1/topics",
                [
                    "title": "城区路灯不亮", "month": "2026-09", "categoryCode": "06", "divisionCode": "361102",
                    "description": "路灯损坏诉求连续三个月居高不下，排查老旧线路并建立巡查机制",
                ])
            #expect(created.status == .created)
            let topic = try created.json(TopicsController.TopicDTO.self)
            let id = try #require(topic.id)
            #expect(topic.source == "leader")

            // A handler may not set tasks; the leader sets one for 城管局 (the handler's unit).
            let unit = try await staff.departmentID("XZ-CG")
            #expect(
                try await Self.post(
                    staff.handler, "/api/v1/topics/\(id)/tasks", ["description": "排查老旧线路", "ownerUnitId": unit, "deadline": "2026-12-31"]
                ).status == .forbidden)
            let task = try await Self.post(
                leader, "/api/v1/topics/\(id)/tasks", ["description": "排查老旧线路", "ownerUnitId": unit, "deadline": "2026-12-31"])
            #expect(task.status == .created)
            let taskID = try #require(try task.field("id") as? String)
            #expect(try await Self.post(leader, "/api/v1/topics/\(id)/close", ["summary": "路灯诉求明显下降，巡查机制已建立"]).status == .conflict, "a task is open")

            // The unit reports it done; then the leader closes the topic.
            let done = try await Self.post(staff.handler, "/api/v1/topics/\(id)/tasks/\(taskID)/done", ["note": "已更换老旧线路12处"])
            #expect(done.status == .noContent)
            let detail = try await leader.send(.GET, "/api/v1/topics/\(id)").json(TopicsController.DetailDTO.self)
            #expect(detail.months.map(\.month) == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"])
            #expect(detail.months.map(\.count) == [3, 2, 4, 5, 1, 2, 0])
            // Before: (3+2+4)/3 = 3 a month; after: (1+2+0)/3 = 1 a month: −66.7 %.
            #expect(detail.change == "−66.7%")
            #expect(detail.tasks.first?.open == false)
            #expect(try await Self.post(leader, "/api/v1/topics/\(id)/close", ["summary": "路灯诉求明显下降，巡查机制已建立"]).status == .noContent)
            let page = try await leader.send(.GET, "/topics/\(id)")
            #expect(page.body.string.contains("已结题"))
            #expect(page.body.string.contains("−66.7%"))
        }
    }

    @Test func topicsOutsideTheDivisionAre404AndAHotspotFillsTheForm() async throws {
        try await withLianxin(demo: true) { app, _ in
            let leader = TestClient(app: app)
            try await leader.login("xzleader")
            let row = MonthlyTopicRecord()
            row.title = "别处的题目"
            row.month = "2026-09"
            row.categoryCode = "06"
            row.divisionCode = "361121"
            row.source = "leader"
            row.description = "不在信州区的题目，信州区看不到"
            row.status = "open"
            row.createdBy = "test"
            row.createdAt = Date()
            try await row.create(on: app.db)
            #expect(try await leader.send(.GET, "/api/v1/topics/\(try row.requireID())").status == .notFound)
            #expect(try await leader.send(.GET, "/topics/\(try row.requireID())").status == .notFound)
            let listed = try await leader.send(.GET, "/api/v1/topics").json([TopicsController.TopicDTO].self)
            #expect(!listed.contains { $0.id == row.id }, "nor is it listed")
            let operatorClient = TestClient(app: app)
            try await operatorClient.login("operator")
            #expect(try await operatorClient.send(.GET, "/topics").status == .forbidden)
        }
    }

    @Test func theFormKeepsWhatWasTypedWhenRefused() async throws {
        try await withLianxin(demo: true) { app, _ in
            let leader = TestClient(app: app)
            try await leader.login("leader")
            let page = try await leader.send(.GET, "/topics")
            let csrf = try #require(TestClient.csrfToken(in: page.body.string))
            let refused = try await leader.send(
                .POST, "/topics",
                form: ["_csrf": csrf, "title": "菜市场噪音扰民", "month": "2026-12", "categoryCode": "", "divisionCode": "361102", "description": "太短"])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("value=\"菜市场噪音扰民\""))
            #expect(html.contains("请选择诉求分类"))
            #expect(html.contains("<option value=\"361102\" selected>"))
        }
    }
}
