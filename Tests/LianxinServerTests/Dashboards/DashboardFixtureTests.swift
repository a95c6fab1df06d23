import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

/// A hand-computed history in 上滩头社区 (361102001001), September 2026, written through the real service at set
/// Beijing times. Categories: 0601 路灯 (longnan-simple: complete in 3 working days) and 0101 暴露垃圾 (12530: sign
/// in 5 minutes, on site in 30).
///
/// - o1 0601: dispatched 09-14 09:10, completed 15:00 (on time), satisfied + solved, closed.
/// - o6 0601: a duplicate merged under o1, closed with it — received, never counted.
/// - o2 0601: extension of 5 working days approved, completed 09-21 10:00: late by 3 working days, on time with the
///   extension; basically satisfied + solved, closed.
/// - o4 0101: signed in 2 minutes, completed, dissatisfied and not solved → reopened; signed again 20 minutes after the reopening
///   (late: the latest round counts), completed, satisfied + solved, closed.
/// - o5 0101: signed in 3 minutes and left in progress: overdue on the 30-minute on-site limit.
/// - o7 0601: cancelled — received, never counted.
/// - o9 0601: dispatched 09-17, completed 09-29: late; satisfied + solved.
/// - o3 0601: dispatched 09-30 09:30, completed 10-08 10:00 — eight calendar days, but the National Day holiday
///   (10-01..10-07) leaves under three working days: on time; satisfied + solved.
/// - o8 0601: created 10-09, in October.
struct DashboardFixture {
    let app: Application
    let clock: TestClock
    var ids: [String: UUID] = [:]
    var department: UUID

    static let operatorStaff = WorkOrderActor.staff(.operator, id: UUID())
    static let dispatcher = WorkOrderActor.staff(.dispatcher, id: UUID())
    static let supervisor = WorkOrderActor.staff(.supervisor, id: UUID())

    static func instant(_ text: String) -> Date {
        let parts = text.split(separator: " ")
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        return WorkCalendar.china.instant(on: LocalDate(iso: parts[0])!, minute: clock[0] * 60 + clock[1])
    }

    static let start = instant("2026-09-14 08:00")

    init(app: Application, clock: TestClock) async throws {
        self.app = app
        self.clock = clock
        department = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first()?.id)
    }

    var service: WorkOrderService { WorkOrderService(application: app, database: app.db) }
    var handler: WorkOrderActor { .staff(.departmentHandler, id: UUID(), departmentID: department) }

    func at(_ text: String) {
        let target = Self.instant(text)
        precondition(target >= clock.now, "the fixture runs forward in time")
        clock.advance(target.timeIntervalSince(clock.now))
    }

    mutating func create(_ name: String, _ category: String, _ time: String, channel: String = "hotline") async throws {
        at(time)
        let valid = try await service.validate(
            NewWorkOrder(
                title: "测试 \(name)", description: "看板测试工单", categoryCode: category, channel: channel, requestKind: "complaint",
                divisionCode: "361102001001"), scope: nil)
        ids[name] = try await service.create(valid, by: Self.operatorStaff, idempotencyKey: nil).0.requireID()
    }

    func act(_ name: String, _ time: String, _ action: WorkOrderAction, by actor: WorkOrderActor) async throws {
        at(time)
        let row = try #require(try await WorkOrder.find(ids[name], on: app.db))
        _ = try await service.apply(action, to: row, by: .unscoped(actor))
    }

    func revisit(_ name: String, _ time: String, _ satisfaction: Satisfaction, solved: Bool) async throws {
        try await act(name, time, .revisit(Evaluation(satisfaction: satisfaction, solved: solved)), by: Self.operatorStaff)
    }

    /// Runs the whole history; the clock ends at 2026-10-09 09:00.
    mutating func run() async throws {
        try await create("o1", "0601", "2026-09-14 09:00")
        try await create("o6", "0601", "2026-09-14 09:05", channel: "web")
        try await act("o6", "2026-09-14 09:06", .merge(parentID: ids["o1"]!), by: Self.operatorStaff)
        try await act("o1", "2026-09-14 09:10", .dispatch(departmentID: department, note: nil), by: Self.dispatcher)
        try await act("o1", "2026-09-14 09:20", .sign, by: handler)
        try await act("o1", "2026-09-14 09:21", .startProgress, by: handler)

        try await create("o2", "0601", "2026-09-14 10:00", channel: "web")
        try await act("o2", "2026-09-14 10:05", .dispatch(departmentID: department, note: nil), by: Self.dispatcher)
        try await act("o2", "2026-09-14 10:10", .sign, by: handler)
        try await act("o2", "2026-09-14 10:11", .startProgress, by: handler)
        try await act("o2", "2026-09-14 10:20", .requestExtension(extra: .workingDays(5), reason: "需协调供电公司"), by: handler)
        try await act("o2", "2026-09-14 10:30", .approveExtension(note: nil), by: Self.supervisor)

        try await act("o1", "2026-09-14 15:00", .complete(note: "已更换灯泡", photoIDs: []), by: handler)
        try await revisit("o1", "2026-09-14 15:30", .satisfied, solved: true)
        try await act("o1", "2026-09-14 15:40", .close(note: nil), by: Self.operatorStaff)

        try await create("o4", "0101", "2026-09-15 09:00")
        try await act("o4", "2026-09-15 09:01", .dispatch(departmentID: department, note: nil), by: Self.dispatcher)
        try await act("o4", "2026-09-15 09:03", .sign, by: handler)
        try await act("o4", "2026-09-15 09:04", .startProgress, by: handler)
        try await act("o4", "2026-09-15 09:30", .complete(note: "已清运", photoIDs: []), by: handler)
        try await revisit("o4", "2026-09-15 09:40", .dissatisfied, solved: false)
        try await act("o4", "2026-09-15 10:00", .sign, by: handler)
        try await act("o4", "2026-09-15 10:01", .startProgress, by: handler)
        try await act("o4", "2026-09-15 10:30", .complete(note: "已彻底清运", photoIDs: []), by: handler)
        try await revisit("o4", "2026-09-15 10:40", .satisfied, solved: true)
        try await act("o4", "2026-09-15 10:50", .close(note: nil), by: Self.operatorStaff)

        try await create("o5", "0101", "2026-09-16 09:00")
        try await act("o5", "2026-09-16 09:01", .dispatch(departmentID: department, note: nil), by: Self.dispatcher)
        try await act("o5", "2026-09-16 09:04", .sign, by: handler)
        try await act("o5", "2026-09-16 09:05", .startProgress, by: handler)

        try await create("o7", "0601", "2026-09-17 09:00")
        try await act("o7", "2026-09-17 09:05", .cancel(reason: "重复来电"), by: Self.operatorStaff)

        try await create("o9", "0601", "2026-09-17 10:00")
        try await act("o9", "2026-09-17 10:05", .dispatch(departmentID: department, note: nil), by: Self.dispatcher)
        try await act("o9", "2026-09-17 10:10", .sign, by: handler)
        try await act("o9", "2026-09-17 10:11", .startProgress, by: handler)

        try await act("o2", "2026-09-21 10:00", .complete(note: "线路已修复", photoIDs: []), by: handler)
        try await revisit("o2", "2026-09-21 10:10", .basicallySatisfied, solved: true)
        try await act("o2", "2026-09-21 10:20", .close(note: nil), by: Self.operatorStaff)

        try await act("o9", "2026-09-29 10:00", .complete(note: "已修复", photoIDs: []), by: handler)
        try await revisit("o9", "2026-09-29 10:30", .satisfied, solved: true)

        try await create("o3", "0601", "2026-09-30 09:00")
        try await act("o3", "2026-09-30 09:30", .dispatch(departmentID: department, note: nil), by: Self.dispatcher)
        try await act("o3", "2026-09-30 09:40", .sign, by: handler)
        try await act("o3", "2026-09-30 09:41", .startProgress, by: handler)
        try await act("o3", "2026-10-08 10:00", .complete(note: "节后修复", photoIDs: []), by: handler)
        try await revisit("o3", "2026-10-08 10:10", .satisfied, solved: true)

        try await create("o8", "0601", "2026-10-09 09:00")
    }
}

@Suite("Dashboards: hand-computed figures, drill-down, rankings and scope")
struct DashboardFixtureTests {
    func figure(_ dashboard: DashboardDTO, _ id: IndicatorID) throws -> IndicatorFigure {
        try #require(dashboard.indicators.first { $0.id == id.rawValue })
    }

    @Test func everyIndicatorMatchesTheHandComputedHistory() async throws {
        let clock = TestClock(DashboardFixture.start)
        try await withLianxin(clock: clock, demo: true) { app, client in
            var fixture = try await DashboardFixture(app: app, clock: clock)
            try await fixture.run()
            try await client.login("leader")
            let response = try await client.send(.GET, "/api/v1/dashboard?division=361102001001&period=month&date=2026-09-15")
            #expect(response.status == .ok)
            let september = try response.json(DashboardDTO.self)
            #expect(september.period == "2026-09")
            #expect(september.previousPeriod == "2026-08" && september.sameLastYearPeriod == "2025-09")
            #expect(september.received == 8, "o1–o7 and o9")
            #expect(september.counted == 6, "less o6 (merged) and o7 (cancelled)")
            #expect(september.measures["cancelled"] == 1 && september.measures["merged"] == 1)
            #expect(september.measures["dispatched"] == 6)

            let response_ = try figure(september, .responseRate)
            #expect(response_.numerator == 1 && response_.denominator == 2, "o5 in time; o4's latest signing late")
            let resolution = try figure(september, .resolutionRate)
            #expect(resolution.numerator == 5 && resolution.denominator == 5, "o4's unsolved verdict was superseded by its reopening")
            let satisfaction = try figure(september, .satisfactionRate)
            #expect(satisfaction.numerator == 4.9 && satisfaction.denominator == 5)
            #expect(satisfaction.value == 4.9 / 5)
            #expect(satisfaction.formula.contains("0.9"))
            let onTime = try figure(september, .onTimeRate)
            #expect(onTime.numerator == 3 && onTime.denominator == 4, "o1, o2 (extension), o3 (holiday) on time; o9 late")
            let closure = try figure(september, .closureRate)
            #expect(closure.numerator == 3 && closure.denominator == 6, "o1, o2, o4")
            let reopen = try figure(september, .reopenRate)
            #expect(reopen.numerator == 1 && reopen.denominator == 5, "o4 of o1, o2, o3, o4, o9")
            let extensions = try figure(september, .extensionRate)
            #expect(extensions.numerator == 1 && extensions.denominator == 6, "o2")
            #expect(september.overdueOpen == 1, "o5 past its on-site limit")
            let composite = try figure(september, .compositeScore)
            #expect(abs((composite.value ?? 0) - (10 * 50 + 45 * 100 + 45 * 98) / 100) < 1e-9)

            let october = try await client.send(.GET, "/api/v1/dashboard?division=361102001001&period=2026-10").json(DashboardDTO.self)
            #expect(october.received == 1)
            #expect(try figure(october, .onTimeRate).previous == 0.75, "环比 is September's figure")

            let ranking = try await client.send(.GET, "/api/v1/rankings?division=361102001&level=community&period=quarter&date=2026-09-01")
            #expect(ranking.status == .ok)
            let table = try ranking.json(RankingDTO.self)
            let first = try #require(table.rows.first)
            #expect(first.code == "361102001001" && first.rank == 1 && first.standing == "ranked")
            #expect(first.score == 94.1)
            #expect(table.rows.dropFirst().allSatisfy { $0.standing == "noScore" && $0.orders == 0 })
            #expect(
                table.rows.count
                    == (try await Division.query(on: app.db).filter(\.$level == "community")
                        .filter(\.$id, .custom("LIKE"), "361102001%").count()))
        }
    }

    @Test func everyDrillDownListsAsManyOrdersAsTheFigureItCameFrom() async throws {
        let clock = TestClock(DashboardFixture.start)
        try await withLianxin(clock: clock, demo: true) { app, client in
            var fixture = try await DashboardFixture(app: app, clock: clock)
            try await fixture.run()
            try await client.login("leader")
            for query in [
                "division=361102&period=2026-09", "division=361102001001&period=2026-Q3&channel=web",
                "period=2026&category=06",
            ] {
                let dashboard = try await client.send(.GET, "/api/v1/dashboard?\(query)").json(DashboardDTO.self)
                for (measure, value) in dashboard.measures {
                    let drill = try await client.send(.GET, "/api/v1/dashboard/orders?\(query)&measure=\(measure)&limit=2")
                    #expect(drill.status == .ok)
                    let page = try drill.json(DrillDownDTO.self)
                    #expect(page.count == value, "\(query) \(measure)")
                    #expect(page.items.count == min(2, value))
                    #expect((page.nextCursor != nil) == (value > 2))
                }
                let overdue = try await client.send(.GET, "/api/v1/dashboard/orders?\(query)&overdue=true").json(DrillDownDTO.self)
                #expect(overdue.count == dashboard.overdueOpen)
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let path = "/api/v1/dashboard/orders?division=361102&period=2026-09&measure=received&limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.send(.GET, path).json(DrillDownDTO.self)
                seen += page.items.map(\.number)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.count == 8 && Set(seen).count == 8, "pages neither repeat nor skip")
            let bad = try await client.send(.GET, "/api/v1/dashboard/orders?measure=nothing")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("measure"))
        }
    }

    @Test func aUserSeesOnlyTheirOwnDivision() async throws {
        let clock = TestClock(DashboardFixture.start)
        try await withLianxin(clock: clock, demo: true) { app, client in
            var fixture = try await DashboardFixture(app: app, clock: clock)
            try await fixture.run()
            try await client.login("community")
            let own = try await client.send(.GET, "/api/v1/dashboard?period=2026-09")
            #expect(try own.json(DashboardDTO.self).division.code == "361102001001")
            for path in [
                "/api/v1/dashboard?division=361102002&period=2026-09", "/api/v1/dashboard?division=3611",
                "/api/v1/rankings?division=361102&level=township", "/api/v1/dashboard/orders?division=361102001003&measure=received",
            ] {
                #expect(try await client.send(.GET, path).status == .notFound, "\(path)")
            }
            let handler = TestClient(app: app)
            try await handler.login("handler")
            let unit = try await handler.send(.GET, "/api/v1/dashboard?period=2026-09").json(DashboardDTO.self)
            #expect(unit.counted == 6, "the handler's unit handled every dispatched order")
            #expect(unit.received == 6, "orders never dispatched to the unit are not its own")
            let other = try #require(try await Department.query(on: app.db).filter(\.$code == "SR-CG").first()?.id)
            #expect(try await handler.send(.GET, "/api/v1/dashboard?department=\(other)").status == .notFound)
            for path in [
                "/api/v1/dashboard?period=2026-13", "/api/v1/dashboard?period=custom", "/api/v1/dashboard?date=yesterday",
                "/api/v1/rankings?level=province", "/api/v1/dashboard?channel=fax", "/api/v1/dashboard?scheme=none",
            ] {
                let answer = try await client.send(.GET, path)
                #expect(answer.status == .unprocessableEntity, "\(path)")
            }
        }
    }

    @Test func schemesAreStoredAsDataAndChangeTheRanking() async throws {
        let clock = TestClock(DashboardFixture.start)
        try await withLianxin(clock: clock, demo: true) { app, client in
            var fixture = try await DashboardFixture(app: app, clock: clock)
            try await fixture.run()
            try await client.login("admin")
            let scheme: [String: Any] = [
                "code": "closure", "name": ["zh": "结案考核", "en": "Closure"],
                "weights": [["indicator": "closureRate", "weight": 1]], "minimumOrders": 1,
            ]
            let body = try JSONSerialization.data(withJSONObject: scheme)
            let token = try await client.csrf()
            let saved = try await client.send(
                .PUT, "/api/v1/assessment-schemes/closure", headers: ["X-CSRF-Token": token],
                raw: (Array(body), .json))
            #expect(saved.status == .ok)
            let badBody = try JSONSerialization.data(withJSONObject: [
                "code": "bad", "name": ["zh": "坏", "en": "Bad"],
                "weights": [["indicator": "overdueOpenCount", "weight": 1]],
            ])
            let refused = try await client.send(
                .PUT, "/api/v1/assessment-schemes/bad", headers: ["X-CSRF-Token": token],
                raw: (Array(badBody), .json))
            #expect(refused.status == .unprocessableEntity)
            let leader = TestClient(app: app)
            try await leader.login("leader")
            let ranking = try await leader.send(.GET, "/api/v1/rankings?division=361102001&level=community&period=2026-09&scheme=closure")
                .json(RankingDTO.self)
            #expect(ranking.rows.first?.score == 50, "closure rate 3 of 6")
            let indicators = try await leader.send(.GET, "/api/v1/indicators")
            #expect(indicators.status == .ok)
            #expect(indicators.body.string.contains("basically satisfied"))
            #expect(try await auditActions(app).contains { $0.action == "settings.change" && $0.target == "assessment-scheme:closure" })
        }
    }

    @Test func theOrdersBehindAFigureExportAsStreamedCSVWithABOM() async throws {
        let clock = TestClock(DashboardFixture.start)
        try await withLianxin(clock: clock, demo: true) { app, client in
            var fixture = try await DashboardFixture(app: app, clock: clock)
            try await fixture.run()
            try await client.login("leader")
            let csv = try await client.send(.GET, "/api/v1/dashboard/orders.csv?division=361102&period=2026-09&measure=counted")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let bytes = Array(csv.body.readableBytesView)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.count == 1 + 6)
            // People read the times in Beijing time (the fixture filed o1 at 09:00 there) and the status in words.
            #expect(csv.body.string.contains(",2026-09-14 09:00,") && !csv.body.string.contains("T01:00"))
            #expect(!csv.body.string.contains(",closed,") && !csv.body.string.contains(",received,"))
            let page = try await client.send(.GET, "/dashboard/orders?division=361102&period=2026-09&measure=counted")
            #expect(page.status == .ok && page.body.string.contains("2026-09-14 09:00"))
            #expect(try await auditActions(app).contains { $0.action == "export" && $0.target == "dashboard-orders" })
            let community = TestClient(app: app)
            try await community.login("community")
            #expect(try await community.send(.GET, "/api/v1/dashboard/orders.csv?measure=counted").status == .forbidden)
        }
    }
}
