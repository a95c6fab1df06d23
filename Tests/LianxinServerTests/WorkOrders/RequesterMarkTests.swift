import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

@Suite("Requester marks (来电人标记): proposed from an order, decided by the centre, warned at the desk, lapsing")
struct RequesterMarkServerTests {
    /// A JSON POST as the pages' scripts send it, with the session's CSRF token.
    static func post(_ client: TestClient, _ path: String, _ body: [String: String]) async throws -> TestingHTTPResponse {
        try await client.send(.POST, path, headers: ["X-CSRF-Token": try await client.csrf()], json: body)
    }

    @Test func aMarkIsProposedApprovedByAnotherPersonWarnedAtTheDeskAndLapses() async throws {
        let clock = TestClock(SLASchedulerTests.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            let order = try await staff.create().json(WorkOrderDTO.self)
            let path = "/api/v1/work-orders/\(order.id)/requester-marks"

            // Bad input names every field and writes nothing.
            let refused = try await Self.post(staff.operatorClient, path, ["kind": "angry", "reason": "骂人", "days": "400"])
            #expect(refused.status == .unprocessableEntity)
            #expect(Set(try refused.problemFields()) == ["/kind", "/reason", "/days"])
            #expect(try await RequesterMark.query(on: app.db).count() == 0)

            let proposed = try await Self.post(staff.operatorClient, path, ["kind": "frequent", "reason": "同一诉求已答复三次，仍每天来电要求重新派单", "days": "30"])
            #expect(proposed.status == .created)
            let mark = try proposed.json(RequesterMarksController.MarkDTO.self)
            #expect(mark.status == "proposed")
            let again = try await Self.post(staff.operatorClient, path, ["kind": "frequent", "reason": "同一诉求已答复三次，仍每天来电要求重新派单"])
            #expect(try again.problemFields() == ["/kind"], "one open mark of a kind per number")

            // A proposal is not yet a warning.
            let check = "/api/v1/requester-marks/check?phone=13807930001"
            let first = try await staff.operatorClient.send(.GET, check)
            #expect(first.status == .ok, "\(first.body.string)")
            #expect(try await staff.operatorClient.send(.GET, check).json([RequesterMarksController.MarkDTO].self).isEmpty)
            // The operator may not decide; a refusal needs a reason.
            let decision = "/api/v1/requester-marks/\(try #require(mark.id))/decision"
            #expect(try await Self.post(staff.operatorClient, decision, ["action": "approve"]).status == .forbidden)
            #expect(try await Self.post(supervisor, decision, ["action": "refuse"]).status == .unprocessableEntity)
            let approved = try await Self.post(supervisor, decision, ["action": "approve"])
            #expect(approved.status == .ok)
            #expect(try await Self.post(supervisor, decision, ["action": "approve"]).status == .conflict)

            let warned = try await staff.operatorClient.send(.GET, check).json([RequesterMarksController.MarkDTO].self)
            #expect(warned.map(\.kindLabel) == ["频繁来电"])
            let audits = try await AuditEntry.query(on: app.db).filter(\.$action == "personal-data.view").all()
            #expect(audits.contains { $0.detail == "desk look-up" }, "a look-up that finds a mark is audited")
            // A handler proposes but is not warned at the desk.
            #expect(try await staff.handler.send(.GET, check).status == .forbidden)

            // After 30 days the mark lapses: no warning, no withdrawal.
            clock.advance(30 * 86_400 + 1)
            try await staff.operatorClient.login("operator")  // the sessions lapsed too
            try await supervisor.login("supervisor")
            #expect(try await staff.operatorClient.send(.GET, check).json([RequesterMarksController.MarkDTO].self).isEmpty)
            #expect(try await Self.post(supervisor, decision, ["action": "revoke", "note": "到期"]).status == .conflict)
        }
    }

    @Test func noOneDecidesTheirOwnProposalAndMarksOutsideTheDivisionAre404() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            let order = try await staff.create().json(WorkOrderDTO.self)
            let mark = try await Self.post(
                supervisor, "/api/v1/work-orders/\(order.id)/requester-marks", ["kind": "malicious", "reason": "多次来电辱骂话务员，并以虚假事故报警"]
            ).json(RequesterMarksController.MarkDTO.self)
            let own = try await Self.post(supervisor, "/api/v1/requester-marks/\(try #require(mark.id))/decision", ["action": "approve"])
            #expect(own.status == .forbidden)
            // A mark in another county is not found.
            let elsewhere = try #require(try await RequesterMark.find(mark.id, on: app.db))
            elsewhere.divisionCode = "360102"
            try await elsewhere.update(on: app.db)
            #expect(
                try await Self.post(supervisor, "/api/v1/requester-marks/\(try #require(mark.id))/decision", ["action": "refuse", "note": "不属实"])
                    .status == .notFound)
            let list = try await staff.operatorClient.send(.GET, "/api/v1/requester-marks").json(RequesterMarksController.ListDTO.self)
            #expect(list.pending.isEmpty)
        }
    }

    @Test func thePagesProposeFromTheOrderKeepWhatWasTypedAndTheCentreDecides() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await staff.create().json(WorkOrderDTO.self)
            let formPath = "/orders/\(order.id)/requester-mark"
            let form = try await staff.dispatcher.send(.GET, formPath)
            #expect(form.status == .ok)
            #expect(form.body.string.contains("138****0001"), "the number is shown masked, never typed")
            let csrf = try #require(TestClient.csrfToken(in: form.body.string))
            let refused = try await staff.dispatcher.send(
                .POST, formPath, form: ["_csrf": csrf, "kind": "unreasonable", "reason": "太短", "days": "90"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("请用至少10个字写明事实经过"))
            #expect(refused.body.string.contains("<option value=\"unreasonable\" selected>"))
            #expect(refused.body.string.contains("value=\"90\""))
            let sent = try await staff.dispatcher.send(
                .POST, formPath, form: ["_csrf": csrf, "kind": "unreasonable", "reason": "要求拆除合法建筑，已依法答复两次", "days": "90"])
            #expect(sent.status == .seeOther)

            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            let list = try await supervisor.send(.GET, "/requester-marks")
            #expect(list.body.string.contains("无理诉求"))
            #expect(!list.body.string.contains("13807930001"), "the list shows numbers masked")
            let mark = try #require(try await RequesterMark.query(on: app.db).first())
            let token = try #require(TestClient.csrfToken(in: list.body.string))
            let noReason = try await supervisor.send(
                .POST, "/requester-marks/\(try mark.requireID())/decision", form: ["_csrf": token, "action": "refuse", "note": ""])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("请填写原因"))
            let approved = try await supervisor.send(
                .POST, "/requester-marks/\(try mark.requireID())/decision", form: ["_csrf": token, "action": "approve", "note": ""])
            #expect(approved.status == .seeOther)
            #expect(try await RequesterMark.find(mark.id, on: app.db)?.status == "approved")
        }
    }
}
