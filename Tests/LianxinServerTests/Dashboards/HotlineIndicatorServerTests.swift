import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

/// The hotline's indicators (issue 19) on a hand-computed Monday, 14 September 2026, in 上滩头社区, written through
/// the real service; 0101 (暴露垃圾) is timed to sign within 5 minutes.
///
/// - h1: a consultation answered on the call from a knowledge-base entry.
/// - h2: a consultation answered on the call without one.
/// - h3 0101: signed in 2 minutes, completed, revisited (satisfied).
/// - h4 0101: signed in 9 minutes (late), completed, not revisited.
/// - h5 0101: handed back by the unit, the dispatcher approves and sends it to 住建局, which signs in a minute.
/// - h6 0101: signed; the unit's appeal (恶意诉求) approved by the centre: exempted (核减).
/// - h7 0101: h5's requester calls again: linked to h5 as a repeat request (重复诉求).
///
/// Received 7; merged 1 (h7); exempted 1 (h6); counted 5; assessable 6. The figures: 直接办结率 2/5, 知识库命中率 1/2,
/// 及时签收率 2/3 (h3, h5 of h3–h5), 回退率 1/3, 回访率 1/4 (h3 of h1–h4), 核减率 1/6, 重复诉求率 1/7.
@Suite("Hotline indicators (#19): hand-computed on both engines, repeat calls, briefs")
struct HotlineIndicatorServerTests {
    struct History {
        var fixture: DashboardFixture
        var entry: UUID

        mutating func create(
            _ name: String, _ category: String, _ time: String, kind: String = "complaint", phone: String? = nil, linkRepeats: Bool = false
        )
            async throws
        {
            fixture.at(time)
            let valid = try await fixture.service.validate(
                NewWorkOrder(
                    title: "测试 \(name)", description: "热线指标测试", categoryCode: category, channel: "hotline", requestKind: kind,
                    divisionCode: "361102001001", requesterPhone: phone), scope: nil)
            fixture.ids[name] = try await fixture.service.create(
                valid, by: DashboardFixture.operatorStaff, idempotencyKey: nil, linkRepeats: linkRepeats
            ).0.requireID()
        }

        mutating func run() async throws {
            let f = DashboardFixture.self
            let unit = fixture.department
            try await create("h1", "0601", "2026-09-14 09:00", kind: "inquiry")
            try await fixture.act(
                "h1", "2026-09-14 09:00", .answerDirectly(answer: "带身份证到社保窗口办理", knowledgeEntryID: entry, requestKind: .inquiry),
                by: f.operatorStaff)
            try await create("h2", "0601", "2026-09-14 09:00", kind: "inquiry")
            try await fixture.act(
                "h2", "2026-09-14 09:00", .answerDirectly(answer: "公交卡在营业厅补办", knowledgeEntryID: nil, requestKind: .inquiry),
                by: f.operatorStaff)
            for name in ["h3", "h4", "h5", "h6"] {
                try await create(name, "0101", "2026-09-14 09:00", phone: name == "h5" ? "13807935555" : nil)
            }
            for name in ["h3", "h4", "h5", "h6"] {
                try await fixture.act(name, "2026-09-14 09:01", .dispatch(departmentID: unit, note: nil), by: f.dispatcher)
            }
            try await fixture.act("h5", "2026-09-14 09:02", .returnOrder(reason: "不属于本单位职责"), by: fixture.handler)
            try await fixture.act("h3", "2026-09-14 09:03", .sign, by: fixture.handler)
            try await fixture.act("h6", "2026-09-14 09:03", .sign, by: fixture.handler)
            try await fixture.act("h5", "2026-09-14 09:04", .approveReturn(note: nil), by: f.dispatcher)
            let water = try #require(try await Department.query(on: fixture.app.db).filter(\.$code == "XZ-ZJ").first()?.requireID())
            try await fixture.act("h5", "2026-09-14 09:05", .redispatch(departmentID: water, reason: "属住建局职责"), by: f.dispatcher)
            try await fixture.act("h5", "2026-09-14 09:06", .sign, by: .staff(.departmentHandler, id: UUID(), departmentID: water))
            try await fixture.act("h4", "2026-09-14 09:10", .sign, by: fixture.handler)
            try await fixture.act(
                "h6", "2026-09-14 09:20", .appealAssessment(kind: .malicious, reason: "同一人一月内第五次无理投诉", photoIDs: []), by: fixture.handler)
            try await fixture.act("h6", "2026-09-14 09:25", .decideAppeal(approved: true, note: nil), by: f.supervisor)
            try await create("h7", "0101", "2026-09-14 09:30", phone: "13807935555", linkRepeats: true)
            try await fixture.act("h3", "2026-09-14 10:00", .complete(note: "已清运", photoIDs: []), by: fixture.handler)
            try await fixture.act("h4", "2026-09-14 10:00", .complete(note: "已清运", photoIDs: []), by: fixture.handler)
            try await fixture.act("h3", "2026-09-14 11:00", .revisit(Evaluation(satisfaction: .satisfied, solved: true)), by: f.operatorStaff)
        }
    }

    static func history(_ app: Application, _ clock: TestClock) async throws -> History {
        let staff = try await Staff.signIn(app)
        let published = try await KnowledgeFixture.publish(app, handler: staff.handler, dispatcher: staff.dispatcher)
        let entry = try #require(published.first.flatMap { UUID(uuidString: $0) })
        var history = History(fixture: try await DashboardFixture(app: app, clock: clock), entry: entry)
        try await history.run()
        return history
    }

    @Test func everyHotlineIndicatorMatchesTheHandComputedDay() async throws {
        let clock = TestClock(DashboardFixture.start)
        try await withLianxin(clock: clock, demo: true) { app, client in
            let history = try await Self.history(app, clock)
            let h7 = try #require(try await WorkOrder.find(history.fixture.ids["h7"], on: app.db))
            #expect(h7.status == "merged" && h7.parentID == history.fixture.ids["h5"], "the repeat call joined h5")
            try await client.login("leader")
            let dashboard = try await client.send(.GET, "/api/v1/dashboard?division=361102001001&period=day&date=2026-09-14").json(DashboardDTO.self)
            #expect(dashboard.received == 7 && dashboard.counted == 5)
            let expected: [(IndicatorID, Double, Double)] = [
                (.directAnswerRate, 2, 5), (.knowledgeHitRate, 1, 2), (.signOnTimeRate, 2, 3), (.returnRate, 1, 3),
                (.revisitRate, 1, 4), (.exemptionRate, 1, 6), (.repeatRate, 1, 7),
            ]
            for (id, numerator, denominator) in expected {
                let figure = try #require(dashboard.indicators.first { $0.id == id.rawValue }, "\(id)")
                #expect(
                    figure.numerator == numerator && figure.denominator == denominator, "\(id): \(figure.numerator ?? -1)/\(figure.denominator ?? -1)"
                )
                #expect(!figure.formula.isEmpty && figure.formula.contains("÷"), "\(id) shows its formula")
                // Each figure's drill-down lists as many orders as its numerator.
                if let measure = figure.numeratorMeasures.first {
                    let list = try await client.send(
                        .GET, "/api/v1/dashboard/orders?division=361102001001&period=day&date=2026-09-14&measure=\(measure)")
                    #expect(try list.json(DrillDownDTO.self).count == Int(numerator), "\(id) drill-down")
                }
            }
            // The rows kept event by event equal a rebuild from the events.
            let kept = try await DashboardQueries.total(
                RollupCut(period: .day(LocalDate(iso: "2026-09-14")!), division: DivisionCode("361102001001")!), fine: true, on: app.db)
            _ = try await RollupRebuild.run(app: app)
            let rebuilt = try await DashboardQueries.total(
                RollupCut(period: .day(LocalDate(iso: "2026-09-14")!), division: DivisionCode("361102001001")!), fine: true, on: app.db)
            #expect(kept == rebuilt)
            #expect(rebuilt.answeredDirectly == 2 && rebuilt.answeredFromKnowledge == 1 && rebuilt.returnedOnce == 1 && rebuilt.repeatLinked == 1)

            // The assessment report names the exempted orders beside each unit's counted ones; the drill-down says why.
            let report = try await client.send(.GET, "/dashboard/reports?kind=monthly&level=department&date=2026-09-14&division=361102").body.string
            #expect(report.contains("核减工单（不计入考核）") && report.contains("及时签收率") && report.contains("回退率"))
            let exempted = try await client.send(
                .GET, "/dashboard/orders?division=361102001001&period=day&date=2026-09-14&measure=exempted"
            ).body.string
            #expect(exempted.contains("核减原因") && exempted.contains("恶意诉求") && exempted.contains("测试 h6"))
        }
    }

    @Test func theDailyAndWeeklyBriefsCountTheDayAndExportAsCSV() async throws {
        let clock = TestClock(DashboardFixture.start)
        try await withLianxin(clock: clock, demo: true) { app, client in
            _ = try await Self.history(app, clock)
            try await client.login("leader")
            let daily = try await client.send(.GET, "/dashboard/brief?kind=daily&date=2026-09-14&division=361102001001")
            #expect(daily.status == .ok)
            let page = daily.body.string
            #expect(page.contains("热线日报") && page.contains("2026年9月14日") && page.contains("诉求分类前十") && page.contains("超时情况"))
            #expect(page.contains("<td>受理量</td><td>7</td><td>0</td><td>+7</td>"))
            #expect(page.contains("<td>直接办结</td><td>2</td>") && page.contains("<td>重复诉求（已关联原工单）</td><td>1</td>"))
            #expect(page.contains("<td>本期受理、签收超时</td><td>1</td>"), "h4")
            let weekly = try await client.send(.GET, "/dashboard/brief?kind=weekly&date=2026-09-16&division=361102001001").body.string
            #expect(weekly.contains("热线周报") && weekly.contains("2026年9月14日—9月20日") && weekly.contains("<td>受理量</td><td>7</td>"))
            let csv = try await client.send(.GET, "/dashboard/brief.csv?kind=daily&date=2026-09-14&division=361102001001")
            #expect(csv.status == .ok && csv.body.string.hasPrefix("\u{FEFF}"))
            #expect(csv.body.string.contains("受理量,7,0,'+7"), "a leading + is quoted against spreadsheet formulas")
            #expect(try await client.send(.GET, "/dashboard/brief?kind=hourly").status == .unprocessableEntity)
            // Another county's staff cannot ask for this community's brief.
            let outsider = TestClient(app: app)
            try await outsider.login("zjhandler")
            #expect(try await outsider.send(.GET, "/dashboard/brief?kind=daily&division=361103").status == .notFound)
        }
    }

    @Test func theDeskLinksARepeatCallToTheOpenOrderAndCanBeToldNotTo() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let first = try await staff.create().json(WorkOrderDTO.self)
            let desk = try await staff.operatorClient.send(.GET, "/desk").body.string
            #expect(desk.contains("name=\"linkRepeat\" value=\"1\" id=\"linkRepeat\" checked"), "ticked by default")
            var form = Staff.newOrder
            form["_csrf"] = try await staff.operatorClient.csrf()
            form["linkRepeat"] = "1"
            form.removeValue(forKey: "anonymous")
            let linked = try await staff.operatorClient.send(.POST, "/desk", form: form)
            #expect(linked.status == .seeOther)
            let location = linked.headers.first(name: .location) ?? ""
            #expect(location.hasPrefix("/orders/\(first.id.uuidString)?repeat="), "\(location)")
            let parentPage = try await staff.operatorClient.send(.GET, location).body.string
            #expect(parentPage.contains("已关联为重复诉求"))
            let children = try await WorkOrder.query(on: app.db).filter(\.$parentID == first.id).all()
            #expect(children.count == 1 && children.first?.status == "merged")
            // Unticked, the same call is filed as a new order.
            form["linkRepeat"] = nil
            form["idempotencyKey"] = UUID().uuidString
            let separate = try await staff.operatorClient.send(.POST, "/desk", form: form)
            #expect(separate.headers.first(name: .location)?.contains("created=1") == true)
            #expect(try await WorkOrder.query(on: app.db).filter(\.$parentID == first.id).count() == 1)
        }
    }
}
