import Foundation
import Testing
import VaporTesting
import Fluent
import SQLKit
@testable import LianxinServer
import LianxinCore

@Suite("Direct answer (直接办结) at the desk and the public reply (答复内容)")
struct DirectAnswerTests {
    static func deskForm(_ csrf: String, kind: String, answer: String, entry: String?) -> [String: String] {
        var form = [
            "_csrf": csrf, "idempotencyKey": UUID().uuidString, "requesterPhone": "13807930002", "channel": "hotline",
            "requestKind": kind, "title": "咨询医保异地备案", "description": "来电人咨询去外地看病怎么备案报销。", "categoryCode": "0601",
            "divisionCode": "361102001001", "direct": "1", "directAnswer": answer,
        ]
        if let entry { form["knowledgeEntryId"] = entry }
        return form
    }

    @Test func aConsultationAnsweredFromAnEntryIsFiledClosedAndCounted() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let ids = try await KnowledgeFixture.publish(app, handler: staff.handler, dispatcher: staff.dispatcher)
            let desk = try await staff.operatorClient.send(.GET, "/desk")
            #expect(desk.body.string.contains("id=\"answer-directly\"") && desk.body.string.contains("id=\"desk-knowledge\""))
            // Enter in any field presses the form's first submit button: it must file the order, not close it directly.
            let form = try #require(desk.body.string.range(of: "id=\"desk-form\""), "\(desk.status)")
            let firstSubmit = desk.body.string.range(of: "type=\"submit\"", range: form.upperBound..<desk.body.string.endIndex)
            let fileOrder = try #require(desk.body.string.range(of: "id=\"file-order\""))
            #expect(firstSubmit.map { desk.body.string.distance(from: $0.lowerBound, to: fileOrder.lowerBound) } ?? -1 > 0)
            #expect(firstSubmit.map { desk.body.string.distance(from: $0.lowerBound, to: fileOrder.lowerBound) } ?? 999 < 80)
            let csrf = try #require(TestClient.csrfToken(in: desk.body.string))

            // The desk's suggestions carry the matching entries while the operator types.
            let suggested = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders/suggestions", headers: ["X-CSRF-Token": csrf],
                json: ["title": "医保异地备案", "description": "去外地看病怎么报销"])
            let matches = try #require(try suggested.field("knowledge") as? [[String: Any]])
            #expect(matches.first?["id"] as? String == ids[0])

            // A complaint cannot be closed on the call: refused beside the field, and nothing is written.
            let before = try await count("work_orders", app)
            let refused = try await staff.operatorClient.send(.POST, "/desk", form: Self.deskForm(csrf, kind: "complaint", answer: "答复", entry: nil))
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("id=\"requestKind-error\""))
            #expect(refused.body.string.contains("咨询医保异地备案"), "the call's text is kept")
            let empty = try await staff.operatorClient.send(.POST, "/desk", form: Self.deskForm(csrf, kind: "inquiry", answer: " ", entry: ids[0]))
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("id=\"directAnswer-error\""))
            #expect(try await count("work_orders", app) == before)

            let answer = "可通过国家医保服务平台App办理异地就医备案，备案后在就医地直接结算。"
            let filed = try await staff.operatorClient.send(.POST, "/desk", form: Self.deskForm(csrf, kind: "inquiry", answer: answer, entry: ids[0]))
            #expect(filed.status == .seeOther)
            let order = try #require(try await WorkOrder.query(on: app.db).sort(\.$createdAt, .descending).first())
            #expect(order.status == "closed")
            let state = try WorkOrderService.decodeState(order)
            #expect(state.answeredDirectly == true && state.knowledgeEntryID?.uuidString == ids[0] && state.publicReply == answer)
            let kinds = try await WorkOrderEventRecord.query(on: app.db).filter(\.$orderID == order.requireID()).sort(\.$sequence).all().map(\.kind)
            #expect(kinds.last == "answeredDirectly" && !kinds.contains("dispatched"))
            #expect(try await KnowledgeEntry.find(UUID(uuidString: ids[0]), on: app.db)?.answeredCount == 1)
            let counted = try await KnowledgeUsage.directAnswers(
                within: DivisionCode("3611")!, from: app.lianxin.now().addingTimeInterval(-3600), to: app.lianxin.now().addingTimeInterval(1),
                on: app.db)
            #expect(counted.all == 1 && counted.fromKnowledge == 1)
            #expect(try await staff.operatorClient.send(.GET, "/desk").body.string.contains("今日直接办结 1 件，其中引用知识库 1 件"))

            // The resident's tracking page shows the answer.
            let track = try await TestClient(app: app).send(.GET, "/p/track/\(order.trackingCode)").body.string
            #expect(track.contains(answer))
        }
    }

    @Test func aCompletionsPublicReplyIsShownToTheResidentAndInOpen311ButNotTheInternalNote() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await staff.create().json(WorkOrderDTO.self)
            let id = order.id.uuidString
            #expect(
                try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")]).status == .ok
            )
            for action in ["sign", "startProgress"] { #expect(try await staff.act(staff.handler, id, ["action": action]).status == .ok) }
            let reply = "您反映的路灯已修复，感谢您的反映。"
            let done = try await staff.act(
                staff.handler, id, ["action": "complete", "note": "内部记录：联系物业维修班更换镇流器", "publicReply": reply])
            #expect(done.status == .ok)
            let track = try await TestClient(app: app).send(.GET, "/p/track/\(order.trackingCode)").body.string
            #expect(track.contains(reply) && !track.contains("镇流器"))
            let row = try #require(try await WorkOrder.find(order.id, on: app.db))
            try await OrderPublication.record(true, for: row, by: "test", at: app.lianxin.now(), on: app.db)
            let open311 = try await app.testing().sendRequest(.GET, "/open311/v2/requests/\(order.number).json")
            let first = try #require(try JSONSerialization.jsonObject(with: Data(buffer: open311.body)) as? [[String: Any]]).first
            #expect(first?["status_notes"] as? String == reply)
            let page = try await staff.handler.send(.GET, "/orders/\(id)").body.string
            #expect(page.contains("id=\"public-reply\""))
        }
    }
}
