import Fluent
import Foundation
import Testing
import VaporTesting
@testable import LianxinCore
@testable import LianxinServer

/// The outbox on the real engines: written with the event, delivered once by the job through a stub
/// gateway, retried with backoff, held in quiet hours and over the rate, skipped for opt-outs, and the
/// rules an administrator edits.
@Suite("Notification outbox (#20)")
struct NotificationOutboxTests {
    static func gatewaySettings(_ stub: StubProvider, _ extra: [String: String] = [:]) -> [String: String] {
        ["LIANXIN_SMS_PROVIDER": "gateway", "LIANXIN_SMS_GATEWAY_URL": stub.url + "/sms", "LIANXIN_SMS_GATEWAY_SECRET": "gateway-secret-0001"]
            .merging(extra) { _, new in new }
    }

    /// Gives the demo's city-management bureau a liaison with a phone, as `/admin/units` would.
    static func addLiaison(_ app: Application, phone: String = "13907930002") async throws -> UUID {
        let department = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first())
        let id = UUID()
        let sealed = try app.lianxin.cipher.seal(phone, for: .departmentLiaisonPhone, row: id)
        try await DepartmentLiaison(id: id, departmentID: try department.requireID(), name: "王联络", phoneCipher: sealed, sortOrder: 0).create(
            on: app.db)
        return id
    }

    static func dispatchedOrder(_ app: Application) async throws -> (Staff, String) {
        let staff = try await Staff.signIn(app)
        let id = try await staff.create().json(WorkOrderDTO.self).id.uuidString
        try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")])
        return (staff, id)
    }

    @Test func aDispatchWritesTheSignReminderInItsTransactionAndTheJobSendsItOnce() async throws {
        let stub = try await StubProvider.start(answer: "{}")
        let clock = TestClock(SLASchedulerTests.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true, settings: Self.gatewaySettings(stub)) { app, _ in
            let liaison = try await Self.addLiaison(app)
            let (_, id) = try await Self.dispatchedOrder(app)
            let rows = try await OutboxMessage.query(on: app.db).filter(\.$orderID == UUID(uuidString: id)!).all()
            let reminder = try #require(rows.first { $0.event == "signReminder" && $0.channel == "sms" })
            #expect(reminder.recipient == liaison.uuidString && reminder.status == "pending")
            #expect(reminder.text.contains("待签收") && !reminder.text.contains("13907930002"))
            #expect(reminder.phoneCipher == nil, "the phone stays in its own row until sending")

            #expect(try await NotificationDelivery.drain(app, channels: .live(app)) >= 1)
            #expect(try await NotificationDelivery.drain(app, channels: .live(app)) == 0, "sent once")
            let sent = try #require(try await OutboxMessage.find(reminder.id, on: app.db))
            #expect(sent.status == "sent" && sent.attempts == 1 && sent.sentAt == clock.now)
            let requests = stub.requests.filter { $0.json["id"] as? String == reminder.id!.uuidString.lowercased() }
            #expect(requests.count == 1)
            #expect(requests.first?.json["phone"] as? String == "13907930002", "decrypted at send time")
        }
        try await stub.stop()
    }

    @Test func slaWarningsBreachesAndSupervisionReachTheUnitAndTheSupervisorsOnce() async throws {
        let clock = TestClock(SLASchedulerTests.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            _ = try await Self.addLiaison(app)
            let staff = try await Staff.signIn(app)
            var body = Staff.newOrder
            body["categoryCode"] = "0101"  // the 12530 rule: 5 minutes to sign
            let id = try await staff.create(body).json(WorkOrderDTO.self).id.uuidString
            try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")])
            clock.advance(250)
            #expect(try await SLASweep.sweep(app, instance: "a") == 1)
            clock.advance(60)
            #expect(try await SLASweep.sweep(app, instance: "a") == 1)
            #expect(try await SLASweep.sweep(app, instance: "a") == 0)
            let rows = try await OutboxMessage.query(on: app.db).filter(\.$orderID == UUID(uuidString: id)!).all()
            let kinds = rows.map { "\($0.event).\($0.channel).\($0.recipientKind)" }.sorted()
            #expect(kinds == ["signReminder.sms.liaison", "slaBreach.inbox.role", "slaBreach.sms.liaison", "slaWarning.sms.liaison"])
            #expect(rows.first { $0.event == "slaBreach" && $0.channel == "sms" }?.text.contains("签收") == true, "the stage is named")

            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            #expect(try await staff.act(supervisor, id, ["action": "supervise", "note": "列入督办"]).status == .ok)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$event == "supervised").filter(\.$recipientKind == "liaison").count() == 1)
        }
    }

    @Test func aFailedSendIsRetriedWithBackoffAndGivenUpOnAPermanentRefusal() async throws {
        let stub = try await StubProvider.start(answer: "{}")
        let clock = TestClock(SLASchedulerTests.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true, settings: Self.gatewaySettings(stub)) { app, _ in
            _ = try await Self.addLiaison(app)
            _ = try await Self.dispatchedOrder(app)
            stub.script([(503, "{}")])
            #expect(try await NotificationDelivery.deliverDue(app, channels: .live(app)) == 0)
            let row = try #require(try await OutboxMessage.query(on: app.db).filter(\.$channel == "sms").first())
            #expect(row.status == "pending" && row.attempts == 1 && row.lastError == "HTTP 503")
            #expect(row.nextAttemptAt == clock.now.addingTimeInterval(30))
            #expect(try await NotificationDelivery.deliverDue(app, channels: .live(app)) == 0, "not due before the backoff")
            clock.advance(31)
            #expect(try await NotificationDelivery.deliverDue(app, channels: .live(app)) == 1)

            let (_, second) = try await Self.dispatchedOrder(app)
            stub.script([(422, "{}")])
            try await NotificationDelivery.drain(app, channels: .live(app))
            let refused = try #require(
                try await OutboxMessage.query(on: app.db).filter(\.$orderID == UUID(uuidString: second)!).filter(\.$channel == "sms").first())
            #expect(refused.status == "failed" && refused.attempts == 1, "a refusal is not retried")
        }
        try await stub.stop()
    }

    @Test func smsWaitsOutQuietHoursAndTheHourlyLimitPerRecipient() async throws {
        let stub = try await StubProvider.start(answer: "{}")
        // 23:00 Beijing time.
        let clock = TestClock(SLASchedulerTests.tuesdayMorning.addingTimeInterval(13 * 3600))
        try await withLianxin(clock: clock, demo: true, settings: Self.gatewaySettings(stub, ["LIANXIN_NOTIFY_PER_HOUR": "1"])) { app, _ in
            _ = try await Self.addLiaison(app)
            _ = try await Self.dispatchedOrder(app)
            #expect(try await NotificationDelivery.drain(app, channels: .live(app)) == 0)
            let held = try #require(try await OutboxMessage.query(on: app.db).filter(\.$channel == "sms").first())
            #expect(held.status == "pending" && held.attempts == 0 && held.lastError == "quietHours")
            #expect(held.nextAttemptAt == SLASchedulerTests.tuesdayMorning.addingTimeInterval(21 * 3600), "07:00 the next morning")
            clock.advance(8 * 3600)
            _ = try await Self.dispatchedOrder(app)
            #expect(try await NotificationDelivery.drain(app, channels: .live(app)) == 1, "one per hour to the same liaison")
            let waiting = try await OutboxMessage.query(on: app.db).filter(\.$channel == "sms").filter(\.$status == "pending").all()
            #expect(waiting.count == 1 && waiting.first?.lastError == "rateLimited")
            clock.advance(3601)
            #expect(try await NotificationDelivery.drain(app, channels: .live(app)) == 1)
            #expect(stub.requests.count == 2)
        }
        try await stub.stop()
    }

    @Test func robotsTheInboxAndWebhooksAreChannelsOfTheSameOutbox() async throws {
        let stub = try await StubProvider.start(answer: #"{"errcode":0,"errmsg":"ok"}"#)
        let settings = [
            "LIANXIN_WECOM_ROBOT_URL": stub.url + "/cgi-bin/webhook/send?key=unit-group",
            "LIANXIN_DINGTALK_ROBOT_URL": stub.url + "/robot/send?access_token=t1",
            "LIANXIN_DINGTALK_ROBOT_SECRET": "SEC-dingtalk-secret",
        ]
        try await withLianxin(clock: TestClock(SLASchedulerTests.tuesdayMorning), demo: true, settings: settings) { app, _ in
            for channel in ["wecomRobot", "dingtalkRobot", "webhook", "inbox"] {
                let rule = NotificationRuleRecord()
                rule.event = "signReminder"
                rule.audience = "unit"
                rule.channel = channel
                rule.enabled = true
                rule.updatedAt = app.lianxin.now()
                try await rule.create(on: app.db)
            }
            let subscription = WebhookSubscription()
            subscription.id = UUID()
            subscription.url = "http://127.0.0.1:9/hook"
            subscription.secretCipher = try app.lianxin.cipher.seal("webhook-secret-00001", for: .webhookSecret, row: subscription.id!)
            subscription.events = "notify.signReminder"
            subscription.active = true
            subscription.createdAt = app.lianxin.now()
            try await subscription.create(on: app.db)

            let (_, id) = try await Self.dispatchedOrder(app)
            let rows = try await OutboxMessage.query(on: app.db).filter(\.$orderID == UUID(uuidString: id)!).all()
            #expect(Set(rows.map(\.channel)) == ["wecomRobot", "dingtalkRobot", "webhook", "inbox"], "no liaison phone: no SMS")
            #expect(try await NotificationDelivery.drain(app, channels: .live(app)) == 4)
            #expect(Set(stub.requests.map(\.path)) == ["/cgi-bin/webhook/send", "/robot/send"])
            let department = UUID(uuidString: try await Staff.signIn(app).departmentID("XZ-CG"))
            let inbox = try await Notification.query(on: app.db).filter(\.$kind == "notify.signReminder").all()
            #expect(inbox.count == 1 && inbox.first?.departmentID == department && inbox.first?.text.contains("待签收") == true)
            #expect(try await WebhookDelivery.query(on: app.db).filter(\.$eventKind == "notify.signReminder").count() == 1)
        }
        try await stub.stop()
    }

    @Test func aResidentWhoOptedOutGetsNoSMS() async throws {
        let stub = try await StubProvider.start(answer: "{}")
        try await withLianxin(clock: TestClock(SLASchedulerTests.tuesdayMorning), demo: true, settings: Self.gatewaySettings(stub)) { app, _ in
            let optOut = NotificationOptOut()
            optOut.phoneIndex = app.lianxin.cipher.blindIndex("13807930001")
            optOut.createdAt = app.lianxin.now()
            try await optOut.create(on: app.db)
            let (staff, id) = try await Self.dispatchedOrder(app)
            for action in ["sign", "arrive", "startProgress"] { try await staff.act(staff.handler, id, ["action": action]) }
            try await staff.act(staff.handler, id, ["action": "complete", "note": "已修复"])
            let toRequester = try await OutboxMessage.query(on: app.db).filter(\.$recipientKind == "requester").count()
            #expect(toRequester == 0, "Staff.newOrder's requester 13807930001 opted out")
        }
        try await stub.stop()
    }

    @Test func anAdministratorEditsWhoGetsWhatAndTheChangeIsAudited() async throws {
        try await withLianxin(clock: TestClock(SLASchedulerTests.tuesdayMorning), demo: true) { app, _ in
            let admin = TestClient(app: app)
            try await admin.login("admin")
            let page = try await admin.send(.GET, "/admin/notifications")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("签收提醒") && page.body.string.contains("企业微信群机器人"))
            #expect(!page.body.string.contains(">signReminder"), "no codes shown to people")
            let token = try #require(TestClient.csrfToken(in: page.body.string))
            let saved = try await admin.send(
                .POST, "/admin/notifications", form: ["_csrf": token, "signReminder.unit.dingtalkRobot": "on", "slaBreach.supervisors.inbox": "on"])
            #expect(saved.status == .seeOther || saved.status == .found)
            let enabled = try await NotificationRuleRecord.query(on: app.db).filter(\.$enabled == true).all().map {
                "\($0.event).\($0.audience).\($0.channel)"
            }
            #expect(Set(enabled) == ["signReminder.unit.dingtalkRobot", "slaBreach.supervisors.inbox"])
            #expect(try await AuditEntry.query(on: app.db).filter(\.$target == "notification-rules").count() == 1)

            let handler = TestClient(app: app)
            try await handler.login("handler")
            #expect(try await handler.send(.GET, "/admin/notifications").status == .forbidden)
        }
    }
}
