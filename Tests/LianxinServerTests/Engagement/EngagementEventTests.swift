import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

/// A staff account of a community other than the demo's 上滩头社区 (whose demo engagement data would otherwise mix
/// with a test's own): 劳动路社区 for the tests' own work, 祝家巷社区 as the neighbour who must get 404s.
func makeStaff(_ app: Application, _ username: String, division: String, role: String = "communityStaff") async throws -> TestClient {
    let admin = TestClient(app: app)
    try await admin.login("secadmin")
    let account = AccountService.NewAccount(
        username: username, displayName: "\(username) 工作人员", password: "Neighbour@2026",
        role: role, divisionCode: division)
    #expect(try await admin.send(.POST, "/api/v1/users", headers: ["X-CSRF-Token": try await admin.csrf()], json: account).status == .created)
    try await acceptInitialPassword(username, app)
    let client = TestClient(app: app)
    try await client.login(username, "Neighbour@2026")
    return client
}

/// 劳动路社区's staff.
func makeCommunityStaff(_ app: Application) async throws -> TestClient {
    try await makeStaff(app, "laodonglu", division: "361102001003")
}

/// Row counts of the engagement tables and work orders, to check that a refused request wrote nothing.
func engagementCounts(_ app: Application) async throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for table in [
        "service_events", "service_event_stalls", "service_event_requests", "meetings", "meeting_topics", "meeting_topic_supports",
        "meeting_opinions", "mediation_cases", "mediation_parties", "petitions", "work_orders",
    ] {
        counts[table] = try await count(table, app)
    }
    return counts
}

/// 祝家巷社区's staff, for the 404 checks.
func makeNeighbour(_ app: Application) async throws -> TestClient {
    try await makeStaff(app, "zhujiaxiang", division: "361102002001")
}

@Suite("Service events (红帐篷): schedules by rule, stalls, requests solved on site or filed as meeting orders")
struct EngagementEventTests {
    @Test func aWeeklyRedTentCollectsRequestsSolvedOnSiteOrFiledAsWorkOrders() async throws {
        // The test clock stands at Monday 2026-09-21 22:13 Beijing time.
        try await withLianxin(demo: true) { app, _ in
            let community = try await makeCommunityStaff(app)
            let csrf = try await community.csrf()
            let before = try await engagementCounts(app)
            let department = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-MZ").first())

            // An unreadable schedule and a stall without a name are both named; nothing is written.
            let bad = try await community.send(
                .POST, "/api/v1/service-events", headers: ["X-CSRF-Token": csrf],
                json: ServiceEventsController.EventInput(
                    title: "红帐篷", place: "上滩头社区广场", schedule: "每逢周四 下午", stalls: [.init(name: " ")]))
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["/schedule", "/stalls/0/name"])
            #expect(try await engagementCounts(app) == before)

            let created = try await community.send(
                .POST, "/api/v1/service-events", headers: ["X-CSRF-Token": csrf],
                json: ServiceEventsController.EventInput(
                    title: "上滩头红帐篷", kind: "fixedWindow", place: "上滩头社区广场", schedule: "每周四 14:00—17:00",
                    stalls: [.init(name: "社保窗口", departmentId: department.id, services: "社保认证、医保咨询"), .init(name: "磨刀理发")]))
            #expect(created.status == .created)
            let event = try created.json(ServiceEventsController.EventDTO.self)
            #expect(event.schedule == "每周四 14:00-17:00" && event.divisionCode == "361102001003")
            #expect(event.next.map(\.day) == ["2026-09-24", "2026-10-01", "2026-10-08", "2026-10-15", "2026-10-22"])
            #expect(event.stalls.map(\.departmentName).contains(department.name))
            let stall = try #require(event.stalls.first { $0.name == "社保窗口" })
            let afterCreation = try await engagementCounts(app)

            // A request is collected at a sitting: not on a Tuesday, not in the future; a filed one needs a category.
            let wrongDay = try await community.send(
                .POST, "/api/v1/service-events/\(event.id)/requests", headers: ["X-CSRF-Token": csrf],
                json: ServiceEventsController.RequestInput(heldOn: "2026-09-15", description: "咨询医保", outcome: "solvedOnSite", result: "当场解答"))
            #expect(wrongDay.status == .unprocessableEntity && wrongDay.body.string.contains("/heldOn"))
            let incomplete = try await community.send(
                .POST, "/api/v1/service-events/\(event.id)/requests", headers: ["X-CSRF-Token": csrf],
                json: ServiceEventsController.RequestInput(heldOn: "2026-09-17", description: "路灯不亮", outcome: "workOrder", categoryCode: "9999"))
            #expect(incomplete.status == .unprocessableEntity)
            #expect(try incomplete.json(ProblemBody.self).errors?.map(\.field) == ["/categoryCode"])
            #expect(try await engagementCounts(app) == afterCreation)

            let solved = try await community.send(
                .POST, "/api/v1/service-events/\(event.id)/requests", headers: ["X-CSRF-Token": csrf],
                json: ServiceEventsController.RequestInput(
                    heldOn: "2026-09-17", stallId: stall.id, description: "老人不会网上社保认证",
                    outcome: "solvedOnSite", result: "现场帮助完成刷脸认证"))
            #expect(solved.status == .created)
            let filed = try await community.send(
                .POST, "/api/v1/service-events/\(event.id)/requests", headers: ["X-CSRF-Token": csrf],
                json: ServiceEventsController.RequestInput(
                    heldOn: "2026-09-17", description: "小区门口路灯不亮已一周",
                    outcome: "workOrder", categoryCode: "0601", requesterName: "张大爷",
                    requesterPhone: "13907930001"))
            #expect(filed.status == .created)
            let request = try filed.json(ServiceEventsController.RequestDTO.self)
            let orderID = try #require(request.orderId)
            let order = try #require(try await WorkOrder.find(orderID, on: app.db))
            #expect(order.channel == "meeting" && order.divisionCode == "361102001003" && order.number == request.orderNumber)
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
            #expect(
                try await neighbour.send(
                    .POST, "/api/v1/service-events/\(event.id)/requests", headers: ["X-CSRF-Token": try await neighbour.csrf()],
                    json: ServiceEventsController.RequestInput(description: "x", outcome: "solvedOnSite")
                ).status == .notFound)
            #expect(try await neighbour.send(.GET, "/engagement/events/\(event.id)").status == .notFound)
        }
    }

    @Test func lunarMarketDaysFollowTheAlmanac() async throws {
        try await withLianxin(demo: true) { app, _ in
            let community = try await makeCommunityStaff(app)
            let created = try await community.send(
                .POST, "/api/v1/service-events", headers: ["X-CSRF-Token": try await community.csrf()],
                json: ServiceEventsController.EventInput(
                    title: "沙溪圩日便民服务", kind: "marketDay", place: "沙溪镇集市",
                    schedule: "农历逢三、六、九 07:00-12:00"))
            #expect(created.status == .created)
            let event = try created.json(ServiceEventsController.EventDTO.self)
            // Expected days computed independently with lunar_python 1.4.8.
            let september = try await community.send(.GET, "/api/v1/service-events/\(event.id)/occurrences?from=2026-09-01&to=2026-09-30")
                .json([ServiceEventsController.OccurrenceDTO].self)
            #expect(
                september.map(\.day) == [
                    "2026-09-04", "2026-09-07", "2026-09-10", "2026-09-13", "2026-09-16", "2026-09-19",
                    "2026-09-23", "2026-09-26", "2026-09-29",
                ])
            #expect(september.first?.lunar == "七月廿三" && september.last?.lunar == "八月十九")
            #expect(september.first?.start == ISO8601DateFormatter().date(from: "2026-09-04T07:00:00+08:00"))
            let tooLong = try await community.send(.GET, "/api/v1/service-events/\(event.id)/occurrences?from=2026-01-01&to=2027-06-30")
            #expect(tooLong.status == .unprocessableEntity && tooLong.body.string.contains("/to"))
            let badDay = try await community.send(.GET, "/api/v1/service-events/\(event.id)/occurrences?from=2026-13-01")
            #expect(badDay.status == .unprocessableEntity && badDay.body.string.contains("/from"))
        }
    }

    @Test func theDemoCityShowsFilledEngagementPagesAndSeedsOnce() async throws {
        try await withLianxin(demo: true) { app, _ in
            _ = try await DemoSeeder(application: app).run()
            let events = try await count("service_events", app), petitions = try await count("petitions", app)
            #expect(events == 3 && petitions == 3)
            let community = TestClient(app: app)
            try await community.login("community")
            let eventsPage = try await community.send(.GET, "/engagement/events")
            #expect(eventsPage.status == .ok && eventsPage.body.string.contains("上滩头红帐篷") && eventsPage.body.string.contains("农历逢三、六、九"))
            let tally = try await community.send(.GET, "/api/v1/service-events").json([ServiceEventsController.EventDTO].self)
                .first { $0.title == "上滩头红帐篷" }?.tally
            #expect(tally?.collected == 6 && tally?.solvedOnSite == 6)
            let meetings = try await community.send(.GET, "/api/v1/meetings").json([MeetingsController.MeetingDTO].self)
            let published = try #require(meetings.first { $0.stage == "published" })
            let page = try await TestClient(app: app).send(.GET, "/p/meetings/\(published.id)")
            #expect(page.status == .ok && page.body.string.components(separatedBy: "class=\"eng-outcome\"").count - 1 == 3)
            let rates = try await community.send(.GET, "/api/v1/mediation-rates").json(MediationController.Rates.self)
            #expect(rates.communities.first?.agreements == 2 && rates.communities.first?.concluded == 3)
            for path in [
                "/engagement/meetings", "/engagement/mediation", "/engagement/petitions", "/engagement/petitions/weekly",
                "/engagement/petitions/monthly",
            ] {
                #expect(try await community.send(.GET, path).status == .ok, "\(path)")
            }
            #expect(try await community.send(.GET, "/").body.string.contains("href=\"/engagement\""))
            // In English too.
            _ = try await community.send(.GET, "/lang/en?back=/engagement/events")
            let english = try await community.send(.GET, "/engagement/events").body.string
            #expect(english.contains("Service events") && english.contains("Every Thursday, 14:00–17:00"))
        }
    }
}
