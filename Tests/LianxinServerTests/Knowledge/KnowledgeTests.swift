import Foundation
import Testing
import VaporTesting
import Fluent
import SQLKit
@testable import LianxinServer
import LianxinCore

extension TestClient {
    /// A JSON write to the knowledge API with this client's CSRF token.
    func knowledge(_ method: HTTPMethod, _ path: String, _ body: [String: Any] = [:]) async throws -> TestingHTTPResponse {
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await send(method, path, headers: ["X-CSRF-Token": try await csrf()], raw: (Array(data), .json))
    }
}

/// The knowledge base's test fixture: a few real-style entries written by the district's bureau and approved by the
/// hotline centre.
struct KnowledgeFixture {
    static var entries: [[String: Any]] {
        [
            [
                "question": "异地就医备案如何办理", "keywords": "医保异地备案, 异地就医, 外地看病报销",
                "answer": "参保人可通过国家医保服务平台App或到区医保窗口办理异地就医备案，备案后在就医地直接结算。", "validTo": "2027-12-31",
            ],
            [
                "question": "路灯不亮向哪里反映", "keywords": "路灯, 照明, 灯不亮",
                "answer": "城区道路路灯由区城管局路灯所维修，一般在两个工作日内修复。",
            ],
            [
                "question": "申请最低生活保障需要哪些材料", "keywords": "低保, 低保申请, 困难补助",
                "answer": "携带户口簿、身份证、家庭收入证明到户籍所在地乡镇（街道）社会救助窗口申请。",
            ],
        ]
    }

    /// Writes, submits and approves the entries as the handler and the dispatcher; returns their ids in order.
    static func publish(_ app: Application, handler: TestClient, dispatcher: TestClient) async throws -> [String] {
        var ids: [String] = []
        for body in entries {
            let created = try await handler.knowledge(.POST, "/api/v1/knowledge", body)
            #expect(created.status == .created, "\(created.body.string)")
            let id = try #require(try created.field("id") as? String)
            #expect(try await handler.knowledge(.POST, "/api/v1/knowledge/\(id)/submit").status == .ok)
            #expect(try await dispatcher.knowledge(.POST, "/api/v1/knowledge/\(id)/approve").status == .ok)
            ids.append(id)
        }
        return ids
    }

    static func search(_ client: TestClient, _ q: String) async throws -> [String] {
        let query = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q
        let response = try await client.send(.GET, "/api/v1/knowledge?q=\(query)")
        #expect(response.status == .ok)
        return try response.json([KnowledgeDTO].self).map(\.id.uuidString)
    }
}

@Suite("Knowledge base (知识库): lifecycle, search on both engines, scope, reminders")
struct KnowledgeTests {
    @Test func unitsWriteEntriesTheCentreApprovesAndShortSpokenQueriesFindThem() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let ids = try await KnowledgeFixture.publish(app, handler: staff.handler, dispatcher: staff.dispatcher)
            let (medical, lamp, subsidy) = (ids[0], ids[1], ids[2])
            let search = { (q: String) in try await KnowledgeFixture.search(staff.operatorClient, q) }
            #expect(try await search("请问一下医保异地备案怎么弄啊").first == medical)
            #expect(try await search("我家门口路灯不亮了找谁").first == lamp)
            #expect(try await search("我想了解一下申请低保需要什么材料").first == subsidy)
            #expect(try await search("外地看病怎么报销").first == medical, "found by its keywords")
            #expect(try await search("灯").first == lamp, "one character: the questions and keywords are scanned")
            #expect(try await search("低保") == [subsidy])
            #expect(try await search("火箭发射").isEmpty)

            // An edit is a new version and must be approved again before operators find it.
            let edited = try await staff.handler.knowledge(
                .PATCH, "/api/v1/knowledge/\(lamp)",
                ["question": "路灯不亮向哪里反映", "keywords": "路灯, 照明", "answer": "城区道路路灯由区城管局路灯所维修，24 小时内修复。", "note": "时限调整"])
            let dto = try edited.json(KnowledgeDTO.self)
            #expect(dto.version == 2 && dto.status == "draft" && dto.versions?.map(\.version) == [1, 2])
            #expect(try await search("路灯").isEmpty, "a draft is not quoted")
            #expect(try await staff.handler.knowledge(.POST, "/api/v1/knowledge/\(lamp)/submit").status == .ok)
            #expect(try await staff.handler.knowledge(.POST, "/api/v1/knowledge/\(lamp)/approve").status == .forbidden, "units do not approve")
            let refused = try await staff.dispatcher.knowledge(.POST, "/api/v1/knowledge/\(lamp)/reject", ["reason": " "])
            let refusedFields = try refused.problemFields()
            #expect(refused.status == .unprocessableEntity && refusedFields == ["/reason"])
            #expect(try await staff.dispatcher.knowledge(.POST, "/api/v1/knowledge/\(lamp)/approve").status == .ok)
            #expect(try await search("路灯").first == lamp)
            let versions = try await KnowledgeVersion.query(on: app.db).filter(\.$entryID == UUID(uuidString: lamp)!).count()
            #expect(versions == 2)
            #expect(try await auditActions(app).filter { $0.action == "knowledge.change" }.count >= 12)
        }
    }

    @Test func theCentreCannotApproveItsOwnVersionAndBadInputIsNamedAndNotWritten() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let before = try await count("knowledge_entries", app)
            let bad = try await staff.dispatcher.knowledge(
                .POST, "/api/v1/knowledge",
                [
                    "question": "", "answer": "答", "divisionCodes": ["999999"], "validFrom": "2027-01-01", "validTo": "2026-01-01",
                    "categoryCode": "nope",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.problemFields()) == ["/question", "/answer", "/divisionCodes/0", "/validTo", "/categoryCode"])
            #expect(try await count("knowledge_entries", app) == before)
            #expect(try await count("knowledge_versions", app) == 0)
            let mine = try await staff.dispatcher.knowledge(.POST, "/api/v1/knowledge", ["question": "公积金提取条件", "answer": "购房、租房、退休等情形可提取。"])
            let id = try #require(try mine.field("id") as? String)
            #expect(try await staff.dispatcher.knowledge(.POST, "/api/v1/knowledge/\(id)/submit").status == .ok)
            #expect(try await staff.dispatcher.knowledge(.POST, "/api/v1/knowledge/\(id)/approve").status == .conflict, "four eyes")
            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            #expect(try await supervisor.knowledge(.POST, "/api/v1/knowledge/\(id)/approve").status == .ok)
        }
    }

    @Test func anEntryAppliesOnlyOnItsDivisionsLineAndIsHiddenElsewhere() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            let created = try await staff.dispatcher.knowledge(
                .POST, "/api/v1/knowledge",
                ["question": "广丰区自来水停水通知在哪里看", "keywords": "停水", "answer": "关注广丰区供水公司公众号。", "divisionCodes": ["361103"]])
            let id = try #require(try created.field("id") as? String)
            _ = try await staff.dispatcher.knowledge(.POST, "/api/v1/knowledge/\(id)/submit")
            #expect(try await supervisor.knowledge(.POST, "/api/v1/knowledge/\(id)/approve").status == .ok)
            #expect(try await KnowledgeFixture.search(staff.operatorClient, "停水了") == [id], "the city's hotline sees the district's entry")
            #expect(try await KnowledgeFixture.search(staff.handler, "停水了").isEmpty, "another district's entry is not on 361102's line")
            #expect(try await staff.handler.send(.GET, "/api/v1/knowledge/\(id)").status == .notFound)
            #expect(try await auditActions(app).contains { $0.action == "scope.denied" })
            let grid = TestClient(app: app)
            try await grid.login("gridmember")
            #expect(try await grid.knowledge(.POST, "/api/v1/knowledge", ["question": "问题", "answer": "答复"]).status == .forbidden)
        }
    }

    @Test func entriesEndingSoonRemindTheirUnitOnceAndEndedOnesExpire() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let today = LocalDate(app.lianxin.now(), in: WorkCalendar.shanghai)
            var ids: [String] = []
            for (question, end) in [("医保缴费时间", today.adding(days: 10)), ("供暖时间", today.adding(days: 60))] {
                let created = try await staff.handler.knowledge(
                    .POST, "/api/v1/knowledge", ["question": question, "answer": "以当年通知为准。", "validTo": end.description])
                let id = try #require(try created.field("id") as? String)
                _ = try await staff.handler.knowledge(.POST, "/api/v1/knowledge/\(id)/submit")
                _ = try await staff.dispatcher.knowledge(.POST, "/api/v1/knowledge/\(id)/approve")
                ids.append(id)
            }
            let first = try await KnowledgeReminders.run(app, now: app.lianxin.now())
            #expect(first.reminded == 1 && first.expired == 0)
            let again = try await KnowledgeReminders.run(app, now: app.lianxin.now())
            #expect(again.reminded == 0, "once per end date")
            let notes = try await Notification.query(on: app.db).filter(\.$kind == "knowledge.review").all()
            #expect(notes.count == 1 && notes.first?.link == "/knowledge/\(ids[0])")
            #expect(notes.first?.departmentID?.uuidString == (try await staff.departmentID("XZ-CG")), "to the responsible unit's inbox")
            let later = app.lianxin.now().addingTimeInterval(11 * 86_400)
            let ended = try await KnowledgeReminders.run(app, now: later)
            #expect(ended.expired == 1)
            #expect(try await KnowledgeEntry.find(UUID(uuidString: ids[0]), on: app.db)?.status == "expired")
        }
    }

    @Test func knowledgePagesListSearchShowVersionsAndKeepABadFormsInput() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let ids = try await KnowledgeFixture.publish(app, handler: staff.handler, dispatcher: staff.dispatcher)
            let found = try await staff.operatorClient.send(.GET, "/knowledge?q=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE")
            #expect(found.status == .ok && found.body.string.contains("/knowledge/\(ids[1])"))
            let entry = try await staff.operatorClient.send(.GET, "/knowledge/\(ids[1])").body.string
            #expect(entry.contains("id=\"kb-answer\"") && entry.contains("已发布"))
            let form = try await staff.handler.send(.GET, "/knowledge/new")
            let csrf = try #require(TestClient.csrfToken(in: form.body.string))
            let bad = try await staff.handler.send(
                .POST, "/knowledge/new", form: ["_csrf": csrf, "question": "燃气报修电话", "answer": "", "validFrom": "2027-13-40"])
            #expect(bad.status == .unprocessableEntity)
            let page = bad.body.string
            #expect(page.contains("id=\"kb-answer-error\"") && page.contains("id=\"kb-from-error\""))
            #expect(page.contains("value=\"燃气报修电话\""), "what was typed is kept")
            let queue = try await staff.dispatcher.send(.GET, "/knowledge/approvals")
            #expect(queue.status == .ok && queue.body.string.contains("id=\"kb-empty\""))
            #expect(try await staff.handler.send(.GET, "/knowledge/approvals").status == .forbidden)
        }
    }
}
