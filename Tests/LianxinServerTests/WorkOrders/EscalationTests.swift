import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

@Suite("Escalation rules (升级规则): warnings remind, breaches supervise, a second breach goes to the leaders")
struct EscalationTests {
    /// The order's events of `kind`, oldest first, as the timeline shows them.
    static func events(_ kind: String, of id: UUID, on db: any Database) async throws -> [WorkOrderEventRecord] {
        try await WorkOrderEventRecord.query(on: db).filter(\.$orderID == id).filter(\.$kind == kind).sort(\.$sequence).all()
    }

    /// Fires every due alert, then applies the rules; returns the steps taken.
    static func tick(_ app: Application) async throws -> Int {
        try await SLASweep.sweep(app, instance: "a")
        return try await EscalationJob.run(app)
    }

    @Test func theDefaultLadderRemindsSupervisesAndThenSupervisesInTheLeadersName() async throws {
        let clock = TestClock(SLASchedulerTests.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let leader = TestClient(app: app)
            try await leader.login("leader")
            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            var body = Staff.newOrder
            body["categoryCode"] = "0101"  // 暴露垃圾: 2 minutes to dispatch, 5 to sign
            let order = try await staff.create(body).json(WorkOrderDTO.self)
            #expect(try await Self.tick(app) == 0, "nothing is due yet")

            clock.advance(100)  // the dispatch warning
            #expect(try await Self.tick(app) == 1)
            let reminded = try await Self.events("reminded", of: order.id, on: app.db)
            #expect(reminded.map(\.note) == ["系统催办：派发环节即将超时"])
            #expect(reminded.first?.actor == "system")

            clock.advance(30)  // the dispatch breach: the first breach is supervised
            #expect(try await Self.tick(app) == 1)
            #expect(try await Self.tick(app) == 0, "each alert escalates once")
            #expect(try await Self.events("supervised", of: order.id, on: app.db).map(\.note) == ["超时自动督办：派发环节已超时"])

            // Dispatched late; the unit does not sign in its 5 minutes either: the second breach goes to the leaders.
            _ = try await staff.act(
                staff.dispatcher, order.id.uuidString, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")])
            clock.advance(400)
            while try await Self.tick(app) > 0 {}
            let supervised = try await Self.events("supervised", of: order.id, on: app.db).map(\.note)
            #expect(supervised.count == 2, "\(supervised)")
            #expect(supervised.last == "领导督办：签收环节已超时（第2次），请加快办理")
            let inbox = try await leader.send(.GET, "/api/v1/inbox").json([WorkOrdersController.InboxItem].self)
            #expect(inbox.contains { $0.kind == "escalated" && $0.orderId == order.id }, "the leaders are told")
            let supervisors = try await supervisor.send(.GET, "/api/v1/inbox").json([WorkOrdersController.InboxItem].self)
            #expect(supervisors.filter { $0.kind == "sla.breach" && $0.orderId == order.id }.count == 2, "each breach once, from the sweep")
            #expect(!supervisors.contains { $0.kind == "escalated" && $0.orderId == order.id }, "and not again from the rules")
            let row = try #require(try await WorkOrder.find(order.id, on: app.db))
            let state = try WorkOrderService.decodeState(row)
            #expect(state.supervisionLevel == 2)
        }
    }

    @Test func aLaterStepDoesNotFireABreachThatHasAlreadyFired() async throws {
        let clock = TestClock(SLASchedulerTests.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            var body = Staff.newOrder
            body["categoryCode"] = "0101"
            let id = try await staff.create(body).json(WorkOrderDTO.self).id
            clock.advance(130)
            while try await Self.tick(app) > 0 {}
            let fired = try await SLAAlert.query(on: app.db).filter(\.$orderID == id).filter(\.$firedAt != nil).count()
            #expect(fired == 2, "the dispatch warning and breach")
            // The supervision was a step on the order; another step does not bring the same breach back.
            _ = try await staff.act(staff.dispatcher, id.uuidString, ["action": "addInformation", "note": "居民补充了位置"])
            clock.advance(5)
            #expect(try await SLASweep.sweep(app, instance: "a") == 0)
            #expect(try await Self.events("supervised", of: id, on: app.db).count == 1)
        }
    }

    @Test func closedOrdersAndRulesSwitchedOffTakeNoStep() async throws {
        let clock = TestClock(SLASchedulerTests.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            try await EscalationRuleRecord.query(on: app.db).filter(\.$trigger == "warning").set(\.$active, to: false).update()
            var body = Staff.newOrder
            body["categoryCode"] = "0101"
            let id = try await staff.create(body).json(WorkOrderDTO.self).id
            clock.advance(100)
            #expect(try await Self.tick(app) == 0, "the warning rule is off")
            let cancelled = try await staff.act(staff.dispatcher, id.uuidString, ["action": "cancel", "reason": "重复来电"])
            #expect(cancelled.status == .ok)
            // A breach that fired as the order was cancelled takes no step on a cancelled order.
            let late = SLAAlert(orderID: id, stage: "dispatch", kind: "breach", dueAt: clock.now)
            late.firedAt = clock.now
            try await late.create(on: app.db)
            #expect(try await EscalationJob.run(app) == 0)
            // An open order whose breach fires two days after it was due (imported with its deadline long passed) is
            // not supervised either.
            let imported = try await staff.create().json(WorkOrderDTO.self).id
            let old = SLAAlert(orderID: imported, stage: "complete", kind: "breach", dueAt: clock.now.addingTimeInterval(-2 * 86_400))
            old.firedAt = clock.now
            try await old.create(on: app.db)
            #expect(try await EscalationJob.run(app) == 0)
            #expect(try await Self.events("supervised", of: imported, on: app.db).isEmpty)
            let unapplied = try await SLAAlert.query(on: app.db).filter(\.$firedAt != nil).filter(\.$escalatedAt == nil).count()
            #expect(unapplied == 0, "looked at once, not again")
        }
    }

    @Test func theRulesPageSavesRefusesADuplicateKeepingTheChoicesAndIsForTheRulesAdministratorOnly() async throws {
        try await withLianxin(demo: true) { app, _ in
            let admin = TestClient(app: app)
            try await admin.login("admin")
            let page = try await admin.send(.GET, "/admin/escalation")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("领导督办"))
            let csrf = try #require(TestClient.csrfToken(in: page.body.string))
            // Rule 1 becomes a copy of rule 2 (breach, any stage, from 1): refused beside rule 1, nothing saved.
            var form = [
                "_csrf": csrf, "count": "3",
                "trigger0": "breach", "stage0": "", "from0": "1", "step0": "remind", "active0": "on",
                "trigger1": "breach", "stage1": "", "from1": "1", "step1": "supervise", "active1": "on",
                "trigger2": "breach", "stage2": "", "from2": "2", "step2": "leaderSupervise", "active2": "on", "tell2_leaders": "on",
                "trigger3": "",
            ]
            let refused = try await admin.send(.POST, "/admin/escalation", form: form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("已有一条情形、环节和次数都相同的启用规则"))
            #expect(refused.body.string.contains("<option value=\"remind\" selected>"), "what was chosen is kept")
            #expect(try await EscalationRuleRecord.query(on: app.db).filter(\.$trigger == "warning").count() == 1, "nothing saved")
            // Rule 1 for the sign stage only, plus a new one: saved, in order, audited.
            form["stage0"] = "sign"
            form["trigger3"] = "warning"
            form["stage3"] = "complete"
            form["from3"] = "2"
            form["step3"] = "supervise"
            form["tell3_dispatchers"] = "on"
            let saved = try await admin.send(.POST, "/admin/escalation", form: form)
            #expect(saved.status == .seeOther)
            let rules = try await EscalationRuleRecord.all(on: app.db)
            #expect(rules.count == 4)
            #expect(rules[0] == EscalationRule(.breach, stage: .sign, step: .remind))
            #expect(rules[3] == EscalationRule(.warning, stage: .complete, from: 2, step: .supervise, audience: [.dispatchers]))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$target == "escalation-rules").count() == 1)
            // A dispatcher may not read or change them.
            let dispatcher = TestClient(app: app)
            try await dispatcher.login("dispatcher")
            #expect(try await dispatcher.send(.GET, "/admin/escalation").status == .forbidden)
        }
    }
}
