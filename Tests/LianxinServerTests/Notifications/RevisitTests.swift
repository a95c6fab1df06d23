import Fluent
import Foundation
import Testing
import VaporTesting
@testable import LianxinCore
@testable import LianxinServer

/// The automated revisit (回访) on the real engines: the SMS link, its page and its one evaluation, the
/// reminder and the operators' queue, and 满意率 told apart by link, operator and keypad.
@Suite("Automated revisit (#20)")
struct RevisitTests {
    /// Creates, dispatches and completes an order with the given requester phone; returns its id.
    static func completedOrder(_ staff: Staff, phone: String = "13807930001") async throws -> String {
        var body = Staff.newOrder
        body["requesterPhone"] = phone
        let id = try await staff.create(body).json(WorkOrderDTO.self).id.uuidString
        try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")])
        for action in ["sign", "arrive", "startProgress"] { try await staff.act(staff.handler, id, ["action": action]) }
        try await staff.act(staff.handler, id, ["action": "complete", "note": "已更换灯泡，路灯恢复照明"])
        return id
    }

    static func link(of orderID: String, _ app: Application) async throws -> String {
        let invitation = try #require(try await RevisitInvitation.query(on: app.db).filter(\.$orderID == UUID(uuidString: orderID)!).first())
        return "/p/r/" + RevisitService.token(try invitation.requireID(), context: app.lianxin)
    }

    @Test func completionInvitesTheRequesterByAShortSignedLinkAndTheLinkTakesOneEvaluation() async throws {
        try await withLianxin(clock: TestClock(SLASchedulerTests.tuesdayMorning), demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let id = try await Self.completedOrder(staff)
            let sms = try #require(
                try await OutboxMessage.query(on: app.db).filter(\.$event == "revisitInvitation").filter(\.$recipientKind == "requester").first())
            let path = try await Self.link(of: id, app)
            #expect(sms.text.contains(app.lianxin.settings.publicBaseURL + path), "the SMS carries the link")
            #expect(path.count == 5 + 44)

            let resident = TestClient(app: app)
            let page = try await resident.send(.GET, path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("已更换灯泡，路灯恢复照明"), "the reply is shown")
            let forged = String(path.dropLast()) + (path.hasSuffix("0") ? "1" : "0")
            #expect(try await resident.send(.GET, forged).status == .notFound, "a forged token opens nothing")

            let token = try #require(TestClient.csrfToken(in: page.body.string))
            let refused = try await resident.send(.POST, path, form: ["_csrf": token, "comment": "很快"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("请选择满意度") && refused.body.string.contains("很快"), "problems beside fields, input kept")

            let done = try await resident.send(.POST, path, form: ["_csrf": token, "satisfaction": "satisfied", "solved": "true"])
            #expect(done.status == .seeOther || done.status == .found)
            let order = try #require(try await WorkOrder.find(UUID(uuidString: id)!, on: app.db))
            #expect(order.status == "evaluated")
            let invitation = try #require(try await RevisitInvitation.query(on: app.db).filter(\.$orderID == order.id!).first())
            #expect(invitation.channel == "link" && invitation.satisfaction == "satisfied")

            let again = try await resident.send(.POST, path, form: ["_csrf": token, "satisfaction": "dissatisfied", "solved": "false"])
            #expect(again.status == .ok && again.body.string.contains("您已完成评价"), "one evaluation per link")
            #expect(try await WorkOrder.find(order.id, on: app.db)?.status == "evaluated")

            let stop = try await resident.send(.POST, path + "/opt-out", form: ["_csrf": token])
            #expect(stop.status == .seeOther || stop.status == .found)
            #expect(try await resident.send(.GET, path).body.string.contains("您已退订"))
            let next = try await Self.completedOrder(staff)
            let invited = try await OutboxMessage.query(on: app.db).filter(\.$orderID == UUID(uuidString: next)!).filter(
                \.$recipientKind == "requester"
            ).count()
            #expect(invited == 0, "a resident who opted out gets no more SMS")
        }
    }

    @Test func aLinkExpiresAndUnansweredRevisitsAreRemindedThenQueuedForTheOperators() async throws {
        let clock = TestClock(SLASchedulerTests.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let id = try await Self.completedOrder(staff)
            let path = try await Self.link(of: id, app)
            clock.advance(2 * 86_400)
            #expect(try await RevisitService.sweep(app) == 1)
            let reminder = try await OutboxMessage.query(on: app.db).filter(\.$event == "revisitReminder").filter(\.$recipientKind == "requester")
                .all()
            #expect(reminder.count == 1 && reminder.first?.text.contains(path) == true)
            #expect(try await RevisitService.sweep(app) == 0, "one reminder")
            clock.advance(3 * 86_400)
            #expect(try await RevisitService.sweep(app) == 1)
            let operatorClient = TestClient(app: app)
            try await operatorClient.login("operator")
            let operatorPage = try await operatorClient.send(.GET, "/revisits")
            #expect(operatorPage.status == .ok && operatorPage.body.string.contains("/orders/\(id)"), "in the operators' revisit queue")
            clock.advance(2 * 86_400 + 1)
            #expect(try await TestClient(app: app).send(.GET, path).status == .gone, "the link expired")
        }
    }

    @Test func evaluationsByLinkOperatorAndKeypadAreToldApartInTheSatisfactionRate() async throws {
        try await withLianxin(clock: TestClock(SLASchedulerTests.tuesdayMorning), demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let byLink = try await Self.completedOrder(staff, phone: "13807930011")
            let byOperator = try await Self.completedOrder(staff, phone: "13807930012")
            let byKeypad = try await Self.completedOrder(staff, phone: "13807930013")

            let resident = TestClient(app: app)
            let path = try await Self.link(of: byLink, app)
            let token = try #require(TestClient.csrfToken(in: try await resident.send(.GET, path).body.string))
            try await resident.send(.POST, path, form: ["_csrf": token, "satisfaction": "satisfied", "solved": "true"])
            try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders/\(byOperator)/transitions", headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()],
                json: TransitionBody(action: "revisit", satisfaction: "dissatisfied", solved: false))
            let number = try #require(try await WorkOrder.find(UUID(uuidString: byKeypad)!, on: app.db)?.number)
            let keypadHeaders: HTTPHeaders = ["X-CSRF-Token": try await staff.operatorClient.csrf()]
            let bad = try await staff.operatorClient.send(
                .POST, "/api/v1/revisits/keypad", headers: keypadHeaders, json: ["number": number, "satisfactionKey": "7", "solvedKey": "1"])
            let fields = try bad.problemFields()
            #expect(bad.status == .unprocessableEntity && fields == ["/satisfactionKey"])
            let pressed = try await staff.operatorClient.send(
                .POST, "/api/v1/revisits/keypad", headers: keypadHeaders, json: ["number": number, "satisfactionKey": "2", "solvedKey": "1"])
            #expect(pressed.status == .ok)

            let figures = try await staff.operatorClient.send(.GET, "/api/v1/revisits/satisfaction").json([RevisitQueries.ChannelFigure].self)
            #expect(
                figures == [
                    .init(channel: "link", evaluated: 1, satisfied: 1, rate: 100),
                    .init(channel: "operator", evaluated: 1, satisfied: 0, rate: 0),
                    .init(channel: "keypad", evaluated: 1, satisfied: 1, rate: 100),
                ])
            let page = try await staff.operatorClient.send(.GET, "/revisits")
            #expect(page.body.string.contains("电话按键") && page.body.string.contains("短信链接") && page.body.string.contains("话务员回访"))
        }
    }

    @Test func theRevisitFiguresAndTheKeypadKeepToTheirScope() async throws {
        try await withLianxin(clock: TestClock(SLASchedulerTests.tuesdayMorning), demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            var elsewhere = Staff.newOrder
            elsewhere["divisionCode"] = "361102001013"
            let id = try await staff.create(elsewhere).json(WorkOrderDTO.self).id.uuidString
            try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")])
            for action in ["sign", "arrive", "startProgress"] { try await staff.act(staff.handler, id, ["action": action]) }
            try await staff.act(staff.handler, id, ["action": "complete", "note": "已处理"])
            let number = try #require(try await WorkOrder.find(UUID(uuidString: id)!, on: app.db)?.number)

            let gridMember = TestClient(app: app)
            try await gridMember.login("gridmember")
            let outside = try await gridMember.send(
                .POST, "/api/v1/revisits/keypad", headers: ["X-CSRF-Token": try await gridMember.csrf()],
                json: ["number": number, "satisfactionKey": "1", "solvedKey": "1"])
            #expect(outside.status == .notFound, "another community's order is not there for this grid member")
            #expect(try await staff.handler.send(.GET, "/revisits").status == .forbidden, "a unit's staff do not see the division's revisits")
            #expect(try await staff.handler.send(.GET, "/api/v1/revisits/satisfaction").status == .forbidden)
            #expect(try await WorkOrder.find(UUID(uuidString: id)!, on: app.db)?.status == "completed")
        }
    }
}
