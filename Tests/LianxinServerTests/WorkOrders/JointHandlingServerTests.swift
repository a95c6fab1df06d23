import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

/// Issue 19: joint handling (主办/协办) through the API and the pages — the assisting units named at dispatch are
/// checked, each signs and reports its own part, sees the order in its lists, cannot complete it; the lead completes
/// once all reported; an overdue part counts for its unit.
@Suite("Joint handling: a lead unit and assisting units")
struct JointHandlingServerTests {
    struct Step: Encodable {
        var action: String
        var departmentId: String?
        var assistDepartmentIds: [String]?
        var note: String?
        var reason: String?
        var approved: Bool?
    }

    static func act(_ staff: Staff, _ client: TestClient, _ id: String, _ step: Step) async throws -> TestingHTTPResponse {
        try await client.send(.POST, "/api/v1/work-orders/\(id)/transitions", headers: ["X-CSRF-Token": try await client.csrf()], json: step)
    }

    /// A unit of another county (广丰区), which this county's dispatcher may not send work to.
    static func foreignUnit(_ app: Application) async throws -> Department {
        let unit = Department(code: "GF-CG", name: "广丰区城市管理局", divisionCode: "361103")
        try await unit.create(on: app.db)
        return unit
    }

    static func state(_ app: Application, _ id: UUID) async throws -> WorkOrderState {
        try WorkOrderService.decodeState(try #require(try await WorkOrder.find(id, on: app.db)))
    }

    @Test func aJointOrderGoesFromDispatchToClosedWithEachUnitDoingItsOwnPart() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let water = TestClient(app: app)
            try await water.login("zjhandler")
            let market = TestClient(app: app)
            try await market.login("sjhandler")
            let order = try await staff.create().json(WorkOrderDTO.self)
            let id = order.id.uuidString
            let lead = try await staff.departmentID("XZ-CG")
            let zj = try await staff.departmentID("XZ-ZJ")
            let sj = try await staff.departmentID("XZ-SJ")

            // Bad assisting units: unknown, another county's, the lead itself — 422 naming the field, nothing written.
            let events = try await count("work_order_events", app)
            let foreign = try await Self.foreignUnit(app)
            for bad in [[UUID().uuidString], [try foreign.requireID().uuidString], [lead], ["not-a-unit"]] {
                let refused = try await Self.act(staff, staff.dispatcher, id, Step(action: "dispatch", departmentId: lead, assistDepartmentIds: bad))
                #expect(refused.status == .unprocessableEntity || refused.status == .badRequest, "\(bad)")
                if refused.status == .unprocessableEntity {
                    #expect(try refused.problemFields().allSatisfy { $0.hasPrefix("/assistDepartmentIds") }, "\(bad) \(refused.body.string)")
                }
            }
            #expect(try await count("work_order_events", app) == events)
            #expect(try await count("work_order_assists", app) == 0)

            // Dispatch with a lead and two assisting units.
            let sent = try await Self.act(staff, staff.dispatcher, id, Step(action: "dispatch", departmentId: lead, assistDepartmentIds: [zj, sj]))
            #expect(sent.status == .ok)
            #expect(try await Self.state(app, order.id).assists.count == 2)

            // Each assisting unit finds the order: its page, its home list, a message; another unit does not.
            #expect(try await water.send(.GET, "/orders/\(id)").status == .ok)
            let home = try await water.send(.GET, "/").body.string
            #expect(home.contains("id=\"home-assist_todo\"") && home.contains(order.number))
            let outsider = TestClient(app: app)
            try await outsider.login("deptlead")
            // (deptlead is the lead unit's: it sees it; the returns test's other unit must not.)
            #expect(try await outsider.send(.GET, "/orders/\(id)").status == .ok)

            // An assisting unit cannot complete the order or take the lead's steps; it cannot report before signing.
            #expect(try await Self.act(staff, water, id, Step(action: "sign")).status == .forbidden)
            #expect(try await Self.act(staff, water, id, Step(action: "reportAssist", note: "已处理")).status == .conflict)
            let empty = try await Self.act(staff, water, id, Step(action: "signAssist"))
            #expect(empty.status == .ok)
            let blank = try await Self.act(staff, water, id, Step(action: "reportAssist", note: "  "))
            #expect(blank.status == .unprocessableEntity)
            #expect(try blank.problemFields() == ["/note"])

            // The lead signs and works, but cannot complete while the parts are open.
            #expect(try await staff.act(staff.handler, id, ["action": "sign"]).status == .ok)
            #expect(try await Self.act(staff, water, id, Step(action: "complete", note: "我来办结")).status == .forbidden)
            let early = try await staff.act(staff.handler, id, ["action": "complete", "note": "已修复"])
            #expect(early.status == .conflict)
            #expect(try await Self.act(staff, water, id, Step(action: "reportAssist", note: "已关阀，管道抢修完毕")).status == .ok)
            let stillOpen = try await staff.act(staff.handler, id, ["action": "complete", "note": "已修复"])
            #expect(stillOpen.status == .conflict)

            // The other unit asks to be released; the dispatcher refuses (reason needed), then it signs and reports.
            #expect(try await Self.act(staff, market, id, Step(action: "requestAssistRelease", reason: "不属于本单位职责")).status == .ok)
            let noReason = try await Self.act(staff, staff.dispatcher, id, Step(action: "decideAssistRelease", departmentId: sj, approved: false))
            #expect(noReason.status == .unprocessableEntity)
            let refused = try await Self.act(
                staff, staff.dispatcher, id, Step(action: "decideAssistRelease", departmentId: sj, note: "涉及占道经营，须配合", approved: false))
            #expect(refused.status == .ok)
            #expect(try await Self.act(staff, market, id, Step(action: "signAssist")).status == .ok)
            #expect(try await Self.act(staff, market, id, Step(action: "reportAssist", note: "已约谈商户")).status == .ok)

            // Now the lead completes; the order page shows each part in plain words.
            #expect(try await staff.act(staff.handler, id, ["action": "complete", "note": "已修复"]).status == .ok)
            let page = try await staff.dispatcher.send(.GET, "/orders/\(id)").body.string
            #expect(page.contains("id=\"joint\"") && page.contains("信州区住房和城乡建设局") && page.contains("已反馈"))
            #expect(page.contains("协办签收") && page.contains("协办反馈"))
            #expect(try await staff.act(staff.operatorClient, id, ["action": "close", "note": "诉求人未接电话"]).status == .ok)

            // The row is the projection of the events, parts included.
            let row = try #require(try await WorkOrder.find(order.id, on: app.db))
            let records = try await WorkOrderEventRecord.query(on: app.db).filter(\.$orderID == order.id).sort(\.$sequence).all()
            let replayed = try WorkOrderState.rebuild(from: records.map(WorkOrderService.decodeEvent))
            #expect(replayed == (try WorkOrderService.decodeState(row)))
            #expect(replayed.assists.map(\.status) == [.reported, .reported])
            let parts = try await WorkOrderAssist.query(on: app.db).filter(\.$orderID == order.id).all()
            #expect(parts.count == 2 && parts.allSatisfy { !$0.open && $0.reportedOnTime == true && $0.signedOnTime == true })
        }
    }

    @Test func anotherDivisionsUnitSeesNothingAndAnOverduePartCountsForItsUnit() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let water = TestClient(app: app)
            try await water.login("zjhandler")
            let order = try await staff.create().json(WorkOrderDTO.self)
            let id = order.id.uuidString
            let lead = try await staff.departmentID("XZ-CG")
            let zj = try await staff.departmentID("XZ-ZJ")
            #expect(
                try await Self.act(staff, staff.dispatcher, id, Step(action: "dispatch", departmentId: lead, assistDepartmentIds: [zj])).status == .ok
            )

            // A unit with no part: 404 on the page and the API; the assisting unit sees it in the API too.
            let market = TestClient(app: app)
            try await market.login("sjhandler")
            #expect(try await market.send(.GET, "/orders/\(id)").status == .notFound)
            #expect(try await market.send(.GET, "/api/v1/work-orders/\(id)").status == .notFound)
            #expect(try await Self.act(staff, market, id, Step(action: "signAssist")).status == .notFound)
            #expect(try await water.send(.GET, "/api/v1/work-orders/\(id)").status == .ok)

            // The dispatcher may not name a unit it cannot dispatch to later either.
            let foreign = try await Self.foreignUnit(app)
            let addedLater = try await Self.act(
                staff, staff.dispatcher, id, Step(action: "addAssists", assistDepartmentIds: [try foreign.requireID().uuidString]))
            #expect(addedLater.status == .unprocessableEntity)
            #expect(try addedLater.problemFields() == ["/assistDepartmentIds"])
            #expect(try await Self.act(staff, staff.dispatcher, id, Step(action: "addAssists")).status == .unprocessableEntity)

            // Three days later the unsigned part is overdue: the unit's home shows it, the lead's does not count it.
            clock.advance(3 * 86_400)
            // The sessions have lapsed meanwhile: everyone signs in again.
            let later = try await Staff.signIn(app)
            let waterLater = TestClient(app: app)
            try await waterLater.login("zjhandler")
            let principal = try #require(try await WorklistTests.principal("zjhandler", app))
            let zjID = try #require(principal.departmentID)
            #expect(try await AssistProjection.overdueCount(department: zjID, at: clock.now, on: app.db) == 1)
            let home = try await waterLater.send(.GET, "/").body.string
            #expect(home.contains("id=\"fig-assist_overdue\"><span class=\"tile-value\">1<"))
            let leadUnit = try #require(UUID(uuidString: lead))
            #expect(try await AssistProjection.overdueCount(department: leadUnit, at: clock.now, on: app.db) == 0)

            // The dispatcher goes on without it (reason required); the lead may then complete.
            let bare = try await Self.act(later, later.dispatcher, id, Step(action: "waiveAssist", departmentId: zj))
            #expect(bare.status == .unprocessableEntity)
            #expect(try bare.problemFields() == ["/reason"])
            #expect(
                try await Self.act(later, later.dispatcher, id, Step(action: "waiveAssist", departmentId: zj, reason: "住建局已口头确认无须处理")).status == .ok)
            #expect(try await AssistProjection.overdueCount(department: zjID, at: clock.now, on: app.db) == 0)
            #expect(try await later.act(later.handler, id, ["action": "sign"]).status == .ok)
            #expect(try await later.act(later.handler, id, ["action": "complete", "note": "已修复"]).status == .ok)
        }
    }

    @Test func thePagesDispatchWithAssistingUnitsAndKeepTheTicksOnARefusal() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await staff.create().json(WorkOrderDTO.self)
            let id = order.id.uuidString
            let zj = try await staff.departmentID("XZ-ZJ")
            let csrf = try await staff.dispatcher.csrf()
            let page = try await staff.dispatcher.send(.GET, "/orders/\(id)").body.string
            #expect(page.contains("name=\"assistDepartmentIds[]\""))
            // No lead chosen: the form comes back with the assisting unit still ticked.
            let refused = try await staff.dispatcher.send(
                .POST, "/orders/\(id)/act", form: ["_csrf": csrf, "action": "dispatch", "assistDepartmentIds[]": zj])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("value=\"\(zj)\" checked"))
            let lead = try await staff.departmentID("XZ-CG")
            let sent = try await staff.dispatcher.send(
                .POST, "/orders/\(id)/act", form: ["_csrf": csrf, "action": "dispatch", "departmentId": lead, "assistDepartmentIds[]": zj])
            #expect(sent.status == .seeOther)
            #expect(try await Self.state(app, order.id).assists.map(\.departmentID.uuidString) == [zj])
        }
    }
}
