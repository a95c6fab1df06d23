import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

/// Issue 18 items 8, 2, 3, 5 and parts of 15: home pages that are work lists, the inbox and its notifications,
/// what residents see of the result, empty visits, one definition of overdue, and the smaller fixes.
@Suite("Work lists: home pages, inbox, tracking result, visits, overdue")
struct WorklistTests {
    static func dispatched(_ staff: Staff, _ body: [String: String] = Staff.newOrder) async throws -> WorkOrderDTO {
        let order = try await staff.create(body).json(WorkOrderDTO.self)
        let department = try await staff.departmentID("XZ-CG")
        #expect(try await staff.act(staff.dispatcher, order.id.uuidString, ["action": "dispatch", "departmentId": department]).status == .ok)
        return order
    }

    /// How many times `needle` occurs in `text`.
    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    // MARK: Item 8

    @Test func item08_aHandlersHomeIsTheUnitsTodoNearestDeadlineFirstWithUnreadMessages() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await Self.dispatched(staff)
            let home = try await staff.handler.send(.GET, "/")
            #expect(home.status == .ok)
            let html = home.body.string
            #expect(html.contains("id=\"home-unit_todo\"") && html.contains(order.number), "the unit's todo lists the new order")
            #expect(html.contains("data-due=\""), "with its due time")
            #expect(!html.contains("下级区划") && !html.contains("辖区账号数"), "no division or account counts")
            #expect(html.contains("id=\"home-unread\""))
            let unread = try await InboxQueries.unreadCount(for: try #require(try await Self.principal("handler", app)), on: app.db)
            #expect(unread >= 1, "the dispatch reached the unit's inbox")
            #expect(html.contains("新工单待签收"), "the unread message is on the home page")
            let todo = try #require(html.components(separatedBy: "id=\"home-unit_todo\"").last?.components(separatedBy: "</section>").first)
            let ids = todo.components(separatedBy: "href=\"/orders/").dropFirst().compactMap { UUID(uuidString: String($0.prefix(36))) }
            #expect(ids.contains(order.id))
            var deadlines: [Date?] = []
            for id in ids { deadlines.append(try await WorkOrder.find(id, on: app.db)?.overdueAfter) }
            let timed = deadlines.prefix { $0 != nil }.compactMap { $0 }
            #expect(timed == timed.sorted(), "nearest deadline first")
            #expect(deadlines.dropFirst(timed.count).allSatisfy { $0 == nil }, "orders without a running deadline last")
        }
    }

    @Test func item08_everyRoleHomeShowsItsOwnWork() async throws {
        try await withLianxin(demo: true) { app, _ in
            let expected: [(String, [String])] = [
                ("operator", ["home-intake_today", "home-callbacks"]), ("dispatcher", ["home-queue", "home-returned", "fig-overdue"]),
                ("gridmember", ["home-visits_due", "home-my_reports"]), ("community", ["home-my_reports", "home-community_open"]),
                ("supervisor", ["home-overdue", "home-supervised", "fig-due_soon"]), ("leader", ["fig-received_today", "fig-open", "fig-overdue"]),
                ("deptlead", ["home-unit_todo"]), ("admin", ["href=\"/admin/rules\""]),
            ]
            for (username, ids) in expected {
                let client = TestClient(app: app)
                try await client.login(username)
                let page = try await client.send(.GET, "/")
                #expect(page.status == .ok, "\(username)")
                let html = page.body.string
                for id in ids { #expect(html.contains(id), "\(username)'s home lacks \(id)") }
                #expect(!html.contains("下级区划"), "\(username)'s home still shows division counts")
                #expect(html.contains("href=\"/inbox\""), "\(username) has a way to the inbox")
            }
        }
    }

    @Test func item08_theInboxListsMarksReadLinksAndKeepsOthersOut() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await Self.dispatched(staff)
            let page = try await staff.handler.send(.GET, "/inbox")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("新工单待签收") && html.contains(order.number) && html.contains("class=\"order-card unread\""))
            #expect(!html.contains("Not Found"))
            let handler = try #require(try await Self.principal("handler", app))
            let message = try #require(try await InboxQueries.messages(for: handler, on: app.db).first { $0.notification.orderID == order.id })
            let id = try #require(message.notification.id)

            // Another unit's or role's reader cannot open it (404, audited as out of scope).
            let token = try await staff.dispatcher.csrf("/inbox")
            #expect(try await staff.dispatcher.send(.POST, "/inbox/\(id)/read", form: ["_csrf": token]).status == .notFound)

            let before = try await InboxQueries.unreadCount(for: handler, on: app.db)
            let opened = try await staff.handler.send(.POST, "/inbox/\(id)/read", form: ["_csrf": try await staff.handler.csrf("/inbox")])
            #expect(opened.status == .seeOther && opened.headers.first(name: .location) == "/orders/\(order.id.uuidString)")
            #expect(try await InboxQueries.unreadCount(for: handler, on: app.db) == before - 1)
            // Read is per reader: the unit's lead still has it unread.
            let lead = try #require(try await Self.principal("deptlead", app))
            #expect(try await InboxQueries.messages(for: lead, on: app.db).first { $0.notification.id == id }?.read == false)

            let all = try await staff.handler.send(.POST, "/inbox/read-all", form: ["_csrf": try await staff.handler.csrf("/inbox")])
            #expect(all.status == .seeOther)
            #expect(try await InboxQueries.unreadCount(for: handler, on: app.db) == 0)

            // In English the page and its messages are English.
            _ = try await staff.handler.send(.GET, "/lang/en?back=/inbox")
            let english = try await staff.handler.send(.GET, "/inbox").body.string
            #expect(english.contains("Messages") && english.contains("New order to sign") && !english.contains("新工单待签收"))
        }
    }

    @Test func item08_remindersSupervisionReturnsExtensionsAndWhistlesReachTheirReaders() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            let order = try await Self.dispatched(staff)
            let id = order.id.uuidString
            #expect(try await staff.act(supervisor, id, ["action": "remind", "note": "请尽快处理"]).status == .ok)
            #expect(try await staff.act(supervisor, id, ["action": "supervise", "note": "列入督办"]).status == .ok)
            #expect(try await staff.act(staff.handler, id, ["action": "sign"]).status == .ok)
            let requested = try await staff.handler.send(
                .POST, "/api/v1/work-orders/\(id)/transitions", headers: ["X-CSRF-Token": try await staff.handler.csrf()],
                json: ExtensionBody(action: "requestExtension", extraAmount: 2, extraUnit: "workingDays", reason: "需采购配件"))
            #expect(requested.status == .ok)
            #expect(try await staff.act(staff.dispatcher, id, ["action": "approveExtension"]).status == .ok)
            let handler = try #require(try await Self.principal("handler", app))
            let kinds = Set(
                try await InboxQueries.messages(for: handler, on: app.db).filter { $0.notification.orderID == order.id }.map(\.notification.kind))
            #expect(kinds.isSuperset(of: ["dispatched", "reminded", "supervised", "extensionApproved"]), "\(kinds)")

            // A return reaches the dispatchers of the order's division.
            let second = try await Self.dispatched(staff)
            #expect(try await staff.act(staff.handler, second.id.uuidString, ["action": "return", "reason": "不属于本单位职责"]).status == .ok)
            let dispatcher = try #require(try await Self.principal("dispatcher", app))
            #expect(
                try await InboxQueries.messages(for: dispatcher, on: app.db).contains {
                    $0.notification.kind == "returnRequested" && $0.notification.orderID == second.id
                })

            // A summoned department is told of the whistle, with a link to it.
            let community = TestClient(app: app)
            try await community.login("community")
            let cg = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first()?.id)
            let blown = try await community.send(
                .POST, "/api/v1/whistles", headers: ["X-CSRF-Token": try await community.csrf()],
                json: WhistleBody(
                    title: "劳动路违建", description: "需城管到场", requiredArrivalAt: app.lianxin.now().addingTimeInterval(3_600), departmentIds: [cg]))
            #expect(blown.status == .created)
            let whistle = try blown.json(WhistlesController.WhistleDTO.self)
            let told = try #require(try await InboxQueries.messages(for: handler, on: app.db).first { $0.notification.kind == "whistle" })
            #expect(told.notification.link == "/whistles/\(whistle.id.uuidString)" && !told.read)
            #expect(try await staff.handler.send(.GET, "/inbox").body.string.contains("吹哨报到：劳动路违建"))
        }
    }

    // MARK: Item 2

    @Test func item02_theTrackingPageShowsTheUnitResultAndPhotoBeforeAskingForAnEvaluation() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await Self.dispatched(staff)
            let id = order.id.uuidString
            let resident = TestClient(app: app)
            let early = try await resident.send(.GET, "/p/track/\(order.trackingCode)").body.string
            #expect(!early.contains("id=\"result\"") && !early.contains("id=\"evaluate-form\""), "nothing to evaluate before completion")

            for action in ["sign", "startProgress"] { #expect(try await staff.act(staff.handler, id, ["action": action]).status == .ok) }
            let base = "/api/v1/work-orders/\(id)/attachments"
            let intake = try await staff.operatorClient.send(
                .POST, base + "?purpose=intake", headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()], raw: (AttachmentTests.png, .png))
            let intakePhoto = try intake.json(AttachmentsController.AttachmentDTO.self)
            let uploaded = try await staff.handler.send(
                .POST, base + "?purpose=completion", headers: ["X-CSRF-Token": try await staff.handler.csrf()], raw: (AttachmentTests.jpeg, .jpeg))
            let photo = try uploaded.json(AttachmentsController.AttachmentDTO.self)
            let completed = try await staff.handler.send(
                .POST, "/api/v1/work-orders/\(id)/transitions", headers: ["X-CSRF-Token": try await staff.handler.csrf()],
                json: TransitionBody(action: "complete", note: "已更换灯泡，联系电话 13912345678", photoIds: [photo.id]))
            #expect(completed.status == .ok)

            let html = try await resident.send(.GET, "/p/track/\(order.trackingCode)").body.string
            let unit = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first()?.name)
            #expect(html.contains("id=\"result-unit\">\(unit)<"), "the handling unit")
            #expect(html.contains("已更换灯泡") && !html.contains("13912345678"), "the result, personal data redacted")
            let photoURL = "/p/track/\(order.trackingCode)/photos/\(photo.id.uuidString)"
            #expect(html.contains("src=\"\(photoURL)\""), "the completion photo")
            let result = try #require(html.range(of: "id=\"result\""))
            let form = try #require(html.range(of: "id=\"evaluate-form\""), "the evaluation is asked once there is a result")
            #expect(result.lowerBound < form.lowerBound, "the result stands above the form")

            let fetched = try await resident.send(.GET, photoURL)
            #expect(fetched.status == .ok && Array(fetched.body.readableBytesView) == AttachmentTests.jpeg)
            #expect(try await resident.send(.GET, "/p/track/\(order.trackingCode)/photos/\(intakePhoto.id.uuidString)").status == .notFound)
            #expect(try await resident.send(.GET, "/p/track/\(order.trackingCode)/photos/\(UUID().uuidString)").status == .notFound)
        }
    }

    // MARK: Item 3

    @Test func item03_emptyVisitIsRefusedAndDoesNotCountForCoverage() async throws {
        try await withLianxin(demo: true) { app, _ in
            let member = TestClient(app: app)
            try await member.login("gridmember")
            let due = try await member.send(.GET, "/api/v1/visits/due").json([VisitsController.DueItem].self)
            let household = try #require(due.first?.householdId)
            let csrf = try await member.csrf()
            let empty = try await member.send(
                .POST, "/api/v1/visits", headers: ["X-CSRF-Token": csrf], json: VisitsController.VisitInput(householdId: household, note: " "))
            #expect(empty.status == .unprocessableEntity)
            #expect(try empty.problemFields() == ["/note"])
            #expect(empty.body.string.contains("走访记录是空的"))
            // The page says so beside the note, in words.
            let form = try await member.send(.GET, "/visits/new?household=\(household)")
            let token = try #require(TestClient.csrfToken(in: form.body.string))
            let page = try await member.send(.POST, "/visits/new", form: ["_csrf": token, "householdId": household.uuidString, "note": ""])
            #expect(page.status == .unprocessableEntity && page.body.string.contains("id=\"v-note-error\""))
            #expect(try await count("visits", app) == 0)

            // An empty visit written before this rule does not make the household visited.
            let row = try #require(try await Household.find(household, on: app.db))
            let ghost = Visit()
            ghost.householdID = household
            ghost.gridCode = row.gridCode
            ghost.communityCode = row.communityCode
            ghost.visitorID = UUID()
            ghost.visitorName = "x"
            ghost.visitedAt = app.lianxin.now()
            ghost.note = ""
            ghost.findings = "[]"
            ghost.createdAt = app.lianxin.now()
            try await ghost.create(on: app.db)
            let coverage = try await member.send(.GET, "/api/v1/visit-coverage").json(VisitsController.Coverage.self)
            #expect(coverage.rows.allSatisfy { $0.visitedAsDue == 0 }, "an empty visit covers nobody")
            let real = try await member.send(
                .POST, "/api/v1/visits", headers: ["X-CSRF-Token": csrf],
                json: VisitsController.VisitInput(householdId: household, note: "入户走访，老人身体尚可"))
            #expect(real.status == .created)
            let after = try await member.send(.GET, "/api/v1/visit-coverage").json(VisitsController.Coverage.self)
            #expect(after.rows.reduce(0) { $0 + $1.visitedAsDue } == 1)
        }
    }

    // MARK: Item 5

    @Test func item05_supervisionTheOrderListAndTheDashboardCountTheSameOverdueOrders() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let late = try await Self.dispatched(staff)
            clock.advance(30 * 86_400)  // weeks past its limits, and no SLA sweep has run since
            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            let page = try await supervisor.send(.GET, "/supervision").body.string
            let overdueTile = try #require(page.components(separatedBy: "id=\"overdue-count\">").dropFirst().first?.prefix { $0 != "<" })
            let supervision = try #require(Int(overdueTile))
            let list = try await supervisor.send(.GET, "/orders?overdue=true").body.string
            let listed = Self.occurrences(of: "<tr><td class=\"nowrap\" data-label=", in: list)
            let dashboard = try #require(try await supervisor.send(.GET, "/api/v1/dashboard").field("overdueOpen") as? Int)
            #expect(
                supervision >= 1 && supervision == listed && supervision == dashboard, "督办 \(supervision), list \(listed), dashboard \(dashboard)")
            #expect(list.contains(late.number), "the late order is overdue on the list before any sweep")
            // "4 小时内到期" lists no order that is already overdue.
            let warning = try #require(page.components(separatedBy: "id=\"warning\"").last?.components(separatedBy: "id=\"supervised\"").first)
            #expect(!warning.contains(late.number))
            let now = clock.now
            for row in try await WorkOrder.query(on: app.db).dueSoon(at: now).all() {
                #expect(DueStatus.at(now, overdueAfter: row.overdueAfter) == .dueSoon)
            }
        }
    }

    // MARK: Item 15

    @Test func item15_closeIsNotOfferedBeforeTheRevisit() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await Self.dispatched(staff)
            let id = order.id.uuidString
            for action in ["sign", "startProgress"] { try await staff.act(staff.handler, id, ["action": action]) }
            try await staff.act(staff.handler, id, ["action": "complete", "note": "已修复"])
            let completed = try await staff.operatorClient.send(.GET, "/orders/\(id)").body.string
            #expect(completed.contains("id=\"act-revisit\"") && !completed.contains("id=\"act-close\""))
            let evaluated = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders/\(id)/transitions", headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()],
                json: TransitionBody(action: "revisit", satisfaction: "satisfied", solved: true))
            #expect(evaluated.status == .ok)
            #expect(try await staff.operatorClient.send(.GET, "/orders/\(id)").body.string.contains("id=\"act-close\""))
        }
    }

    @Test func item15_aWhistleEvaluationHasNoPresetMarks() async throws {
        try await withLianxin(demo: true) { app, _ in
            let community = TestClient(app: app)
            try await community.login("community")
            let cg = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first()?.id)
            let whistle = try await community.send(
                .POST, "/api/v1/whistles", headers: ["X-CSRF-Token": try await community.csrf()],
                json: WhistleBody(
                    title: "占道经营", description: "需城管到场", requiredArrivalAt: app.lianxin.now().addingTimeInterval(3_600), departmentIds: [cg])
            ).json(WhistlesController.WhistleDTO.self)
            let page = try await community.send(.GET, "/whistles/\(whistle.id)").body.string
            if page.contains("name=\"handling\"") {
                #expect(page.contains("name=\"handling\" required><option value=\"\" selected>"))
                #expect(page.contains("name=\"satisfaction\" required><option value=\"\" selected>"))
            }
            let refused = try await community.send(
                .POST, "/api/v1/whistles/\(whistle.id)/evaluations", headers: ["X-CSRF-Token": try await community.csrf()],
                json: ["departmentId": cg.uuidString, "evaluator": "blower"])
            #expect(refused.status == .unprocessableEntity)
            #expect(Set(try refused.problemFields()) == ["/handling", "/satisfaction"])
            #expect(refused.body.string.contains("请选择办理情况评分"))
        }
    }

    @Test func item15_aGasLeakFoundOnAVisitIsFiledAsVeryUrgent() async throws {
        try await withLianxin(demo: true) { app, _ in
            let member = TestClient(app: app)
            try await member.login("gridmember")
            let household = try #require(try await member.send(.GET, "/api/v1/visits/due").json([VisitsController.DueItem].self).first?.householdId)
            let recorded = try await member.send(
                .POST, "/api/v1/visits", headers: ["X-CSRF-Token": try await member.csrf()],
                json: VisitsController.VisitInput(
                    householdId: household, note: "入户走访",
                    findings: [.init(description: "厨房闻到燃气泄漏的味道", outcome: "workOrder", categoryCode: "0601")]))
            #expect(recorded.status == .created)
            let number = try #require(try recorded.json(VisitsController.VisitDTO.self).findings.first?.orderNumber)
            let order = try #require(try await WorkOrder.query(on: app.db).filter(\.$number == number).first())
            #expect(order.priority == Priority.veryUrgent.rawValue)
        }
    }

    @Test func item15_theDeskExplainsAndMergesASuspectedDuplicate() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let parent = try await staff.create().json(WorkOrderDTO.self)
            let desk = try await staff.operatorClient.send(.GET, "/desk")
            let token = try #require(TestClient.csrfToken(in: desk.body.string))
            var form = [
                "_csrf": token, "idempotencyKey": UUID().uuidString, "title": "路灯不亮", "description": "劳动路 12 号门前路灯不亮",
                "categoryCode": "0601", "channel": "hotline", "requestKind": "assistance", "divisionCode": "361102001001",
                "mergeInto": parent.id.uuidString,
            ]
            let merged = try await staff.operatorClient.send(.POST, "/desk", form: form)
            #expect(merged.status == .seeOther && merged.headers.first(name: .location)?.hasPrefix("/orders/\(parent.id.uuidString)") == true)
            let child = try #require(try await WorkOrder.query(on: app.db).filter(\.$parentID == parent.id).first())
            #expect(child.status == "merged")
            let gone = UUID().uuidString
            form["mergeInto"] = gone
            form["idempotencyKey"] = UUID().uuidString
            let refused = try await staff.operatorClient.send(.POST, "/desk", form: form)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("id=\"mergeInto-error\""))
            let script = try String(contentsOfFile: repositoryRoot + "/Public/js/workbench.js", encoding: .utf8)
            #expect(script.contains("相似度") && script.contains("距离") && script.contains("mergeInto"), "the badge in words and the merge button")
        }
    }

    @Test func item15_staffGetTheActivityQRCodeFromTheProduct() async throws {
        try await withLianxin(demo: true) { app, _ in
            let community = TestClient(app: app)
            try await community.login("community")
            let staffUser = try #require(try await User.query(on: app.db).filter(\.$username == "community").first())
            let activity = Activity()
            activity.communityCode = "361102001001"
            activity.title = "义诊"
            activity.place = "社区广场"
            activity.startsAt = app.lianxin.now().addingTimeInterval(86_400)
            activity.endsAt = app.lianxin.now().addingTimeInterval(90_000)
            activity.capacity = 20
            activity.checkinCode = "ACT123456789"
            activity.createdBy = try staffUser.requireID()
            activity.createdAt = app.lianxin.now()
            try await activity.create(on: app.db)
            let id = try activity.requireID()
            let page = try await community.send(.GET, "/community/activities").body.string
            #expect(page.contains("src=\"/community/activities/\(id)/qr.svg\""))
            #expect(!page.contains("生成二维码张贴"), "staff are no longer told to make their own")
            let svg = try await community.send(.GET, "/community/activities/\(id)/qr.svg")
            #expect(svg.status == .ok && svg.headers.contentType?.subType == "svg+xml" && svg.body.string.contains("<svg"))
            let outsider = TestClient(app: app)
            try await outsider.login("handler")
            #expect(try await outsider.send(.GET, "/community/activities/\(id)/qr.svg").status != .ok)
        }
    }

    static func principal(_ username: String, _ app: Application) async throws -> Principal? {
        guard let user = try await User.query(on: app.db).filter(\.$username == username).first() else { return nil }
        return Principal(
            userID: try user.requireID(), username: user.username, displayName: user.displayName,
            role: user.role, division: try #require(DivisionCode(user.divisionCode)),
            departmentID: user.$department.id, sessionID: nil, csrfToken: nil)
    }
}

/// An extension request as the API takes it.
struct ExtensionBody: Encodable {
    var action: String
    var extraAmount: Int
    var extraUnit: String
    var reason: String
}

/// A whistle as the API takes it.
struct WhistleBody: Encodable {
    var title: String
    var description: String
    var requiredArrivalAt: Date
    var departmentIds: [UUID]
}
