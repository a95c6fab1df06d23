import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

/// A second community's staff account (祝家巷社区), to check that another division's records answer 404.
func makeNeighbour(_ app: Application) async throws -> TestClient {
    let admin = TestClient(app: app)
    try await admin.login("admin")
    let account = AccountService.NewAccount(username: "zhujiaxiang", displayName: "祝家巷社区 孙", password: "Neighbour@2026",
                                            role: "communityStaff", divisionCode: "361102002001")
    #expect(try await admin.send(.POST, "/api/v1/users", headers: ["X-CSRF-Token": try await admin.csrf()], json: account).status == .created)
    let neighbour = TestClient(app: app)
    try await neighbour.login("zhujiaxiang", "Neighbour@2026")
    return neighbour
}

@Suite("Service events (红帐篷): schedules by rule, stalls, requests solved on site or filed as meeting orders")
struct EngagementEventTests {
    @Test func aWeeklyRedTentCollectsRequestsSolvedOnSiteOrFiledAsWorkOrders() async throws {
        // The test clock stands at Monday 2026-09-21 22:13 Beijing time.
        try await withLianxin(demo: true) { app, _ in
            let community = TestClient(app: app)
            try await community.login("community")
            let csrf = try await community.csrf()
            let department = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-MZ").first())

            // An unreadable schedule and a stall without a name are both named; nothing is written.
            let bad = try await community.send(.POST, "/api/v1/service-events", headers: ["X-CSRF-Token": csrf], json: ServiceEventsController.EventInput(
                title: "红帐篷", place: "上滩头社区广场", schedule: "每逢周四 下午", stalls: [.init(name: " ")]))
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["/schedule", "/stalls/0/name"])
            let eventsWritten = try await count("service_events", app), stallsWritten = try await count("service_event_stalls", app)
            #expect(eventsWritten == 0 && stallsWritten == 0)

            let created = try await community.send(.POST, "/api/v1/service-events", headers: ["X-CSRF-Token": csrf], json: ServiceEventsController.EventInput(
                title: "上滩头红帐篷", kind: "fixedWindow", place: "上滩头社区广场", schedule: "每周四 14:00—17:00",
                stalls: [.init(name: "社保窗口", departmentId: department.id, services: "社保认证、医保咨询"), .init(name: "磨刀理发")]))
            #expect(created.status == .created)
            let event = try created.json(ServiceEventsController.EventDTO.self)
            #expect(event.schedule == "每周四 14:00-17:00" && event.divisionCode == "361102001001")
            #expect(event.next.map(\.day) == ["2026-09-24", "2026-10-01", "2026-10-08", "2026-10-15", "2026-10-22"])
            #expect(event.stalls.map(\.departmentName).contains(department.name))
            let stall = try #require(event.stalls.first { $0.name == "社保窗口" })

            // A request is collected at a sitting: not on a Tuesday, not in the future; a filed one needs a category.
            let wrongDay = try await community.send(.POST, "/api/v1/service-events/\(event.id)/requests", headers: ["X-CSRF-Token": csrf],
                                                    json: ServiceEventsController.RequestInput(heldOn: "2026-09-15", description: "咨询医保", outcome: "solvedOnSite", result: "当场解答"))
            #expect(wrongDay.status == .unprocessableEntity && wrongDay.body.string.contains("/heldOn"))
            let incomplete = try await community.send(.POST, "/api/v1/service-events/\(event.id)/requests", headers: ["X-CSRF-Token": csrf],
                                                      json: ServiceEventsController.RequestInput(heldOn: "2026-09-17", description: "路灯不亮", outcome: "workOrder", categoryCode: "9999"))
            #expect(incomplete.status == .unprocessableEntity)
            #expect(try incomplete.json(ProblemBody.self).errors?.map(\.field) == ["/categoryCode"])
            let requestsWritten = try await count("service_event_requests", app), ordersWritten = try await count("work_orders", app)
            #expect(requestsWritten == 0 && ordersWritten == 0)

            let solved = try await community.send(.POST, "/api/v1/service-events/\(event.id)/requests", headers: ["X-CSRF-Token": csrf],
                                                  json: ServiceEventsController.RequestInput(heldOn: "2026-09-17", stallId: stall.id, description: "老人不会网上社保认证",
                                                                                             outcome: "solvedOnSite", result: "现场帮助完成刷脸认证"))
            #expect(solved.status == .created)
            let filed = try await community.send(.POST, "/api/v1/service-events/\(event.id)/requests", headers: ["X-CSRF-Token": csrf],
                                                 json: ServiceEventsController.RequestInput(heldOn: "2026-09-17", description: "小区门口路灯不亮已一周",
                                                                                            outcome: "workOrder", categoryCode: "0601", requesterName: "张大爷",
                                                                                            requesterPhone: "13907930001"))
            #expect(filed.status == .created)
            let request = try filed.json(ServiceEventsController.RequestDTO.self)
            let orderID = try #require(request.orderId)
            let order = try #require(try await WorkOrder.find(orderID, on: app.db))
            #expect(order.channel == "meeting" && order.divisionCode == "361102001001" && order.number == request.orderNumber)
            #expect(order.requesterPhoneCipher != nil)

            let list = try await community.send(.GET, "/api/v1/service-events/\(event.id)/requests").json(ServiceEventsController.RequestList.self)
            #expect(list.tally.collected == 2 && list.tally.solvedOnSite == 1 && list.tally.becameOrders == 1)
            #expect(list.items.first { $0.outcome == "solvedOnSite" }?.stallName == "社保窗口")

            let page = try await community.send(.GET, "/engagement/events/\(event.id)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("上滩头红帐篷") && page.body.string.contains(order.number))
            #expect(page.body.string.contains("/js/engagement-forms.js") && !page.body.string.contains("<script>"))

            let neighbour = try await makeNeighbour(app)
            #expect(try await neighbour.send(.GET, "/api/v1/service-events/\(event.id)").status == .notFound)
            #expect(try await neighbour.send(.GET, "/api/v1/service-events").json([ServiceEventsController.EventDTO].self).isEmpty)
            #expect(try await neighbour.send(.POST, "/api/v1/service-events/\(event.id)/requests", headers: ["X-CSRF-Token": try await neighbour.csrf()],
                                             json: ServiceEventsController.RequestInput(description: "x", outcome: "solvedOnSite")).status == .notFound)
            #expect(try await neighbour.send(.GET, "/engagement/events/\(event.id)").status == .notFound)
        }
    }

    @Test func lunarMarketDaysFollowTheAlmanac() async throws {
        try await withLianxin(demo: true) { app, _ in
            let community = TestClient(app: app)
            try await community.login("community")
            let created = try await community.send(.POST, "/api/v1/service-events", headers: ["X-CSRF-Token": try await community.csrf()],
                                                   json: ServiceEventsController.EventInput(title: "沙溪圩日便民服务", kind: "marketDay", place: "沙溪镇集市",
                                                                                            schedule: "农历逢三、六、九 07:00-12:00"))
            #expect(created.status == .created)
            let event = try created.json(ServiceEventsController.EventDTO.self)
            // Expected days computed independently with lunar_python 1.4.8.
            let september = try await community.send(.GET, "/api/v1/service-events/\(event.id)/occurrences?from=2026-09-01&to=2026-09-30")
                .json([ServiceEventsController.OccurrenceDTO].self)
            #expect(september.map(\.day) == ["2026-09-04", "2026-09-07", "2026-09-10", "2026-09-13", "2026-09-16", "2026-09-19",
                                              "2026-09-23", "2026-09-26", "2026-09-29"])
            #expect(september.first?.lunar == "七月廿三" && september.last?.lunar == "八月十九")
            #expect(september.first?.start == ISO8601DateFormatter().date(from: "2026-09-04T07:00:00+08:00"))
            let tooLong = try await community.send(.GET, "/api/v1/service-events/\(event.id)/occurrences?from=2026-01-01&to=2027-06-30")
            #expect(tooLong.status == .unprocessableEntity && tooLong.body.string.contains("/to"))
            let badDay = try await community.send(.GET, "/api/v1/service-events/\(event.id)/occurrences?from=2026-13-01")
            #expect(badDay.status == .unprocessableEntity && badDay.body.string.contains("/from"))
        }
    }
}
