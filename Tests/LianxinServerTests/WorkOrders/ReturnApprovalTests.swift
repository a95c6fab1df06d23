import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

/// Issue 19: a unit's return (退单) names one of the county's reasons and waits for the dispatcher, who approves it
/// (by redispatching, or explicitly) or refuses it, sending the order back to the unit as it was.
@Suite("Returns need the dispatcher's approval, with reasons as data")
struct ReturnApprovalTests {
    static func reasons(_ client: TestClient) async throws -> [ReturnReasonsController.ReasonDTO] {
        try await client.send(.GET, "/api/v1/return-reasons").json([ReturnReasonsController.ReasonDTO].self)
    }

    static func order(_ app: Application, _ id: UUID) async throws -> WorkOrder {
        try #require(try await WorkOrder.find(id, on: app.db))
    }

    @Test func item04_aReturnWithAReasonWaitsAndARefusalSendsItBackToTheUnit() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await WorklistTests.dispatched(staff)
            let id = order.id.uuidString
            let unit = try await staff.departmentID("XZ-CG")
            #expect(try await staff.act(staff.handler, id, ["action": "sign"]).status == .ok)
            let reasons = try await Self.reasons(staff.handler)
            #expect(reasons.count == ReturnReason.defaults.count && reasons.first?.name == "不属于本单位职责")
            let notOurs = try #require(reasons.first { !$0.needsNote }?.id).uuidString
            let other = try #require(reasons.first { $0.needsNote }?.id).uuidString

            // A reason that needs an explanation, an unknown reason: refused, naming the field, nothing written.
            let events = try await count("work_order_events", app)
            let unexplained = try await staff.act(staff.handler, id, ["action": "return", "returnReasonId": other])
            #expect(unexplained.status == .unprocessableEntity)
            #expect(try unexplained.problemFields() == ["/reason"])
            let unknown = try await staff.act(staff.handler, id, ["action": "return", "returnReasonId": UUID().uuidString])
            #expect(unknown.status == .unprocessableEntity)
            #expect(try unknown.problemFields() == ["/returnReasonId"])
            #expect(try await count("work_order_events", app) == events)

            // The return waits: the unit keeps the order, its reason heads the note.
            let returned = try await staff.act(staff.handler, id, ["action": "return", "returnReasonId": notOurs, "reason": "路灯属供电公司资产"])
            #expect(returned.status == .ok)
            var row = try await Self.order(app, order.id)
            #expect(row.status == "returned" && row.departmentID?.uuidString == unit)
            let state = try WorkOrderService.decodeState(row)
            #expect(state.isReturnPending && state.returnReason == "不属于本单位职责：路灯属供电公司资产")
            #expect(state.returnReasonCode == notOurs)
            let dispatcher = try #require(try await WorklistTests.principal("dispatcher", app))
            let inbox = try await InboxQueries.messages(for: dispatcher, on: app.db).filter { $0.notification.orderID == order.id }
            #expect(inbox.contains { $0.notification.kind == "returnRequested" && $0.notification.text.contains("路灯属供电公司资产") })

            // The dispatcher's queue lists it with the reason; its page offers approving and refusing.
            let queue = try await staff.dispatcher.send(.GET, "/queue?status=returned").body.string
            #expect(queue.contains(order.number) && queue.contains("不属于本单位职责：路灯属供电公司资产"))
            let page = try await staff.dispatcher.send(.GET, "/orders/\(id)").body.string
            #expect(page.contains("驳回退单") && page.contains("同意退单"))

            // Only a dispatcher decides; a refusal needs its reason.
            #expect(try await staff.act(staff.handler, id, ["action": "refuseReturn", "reason": "就是你们的"]).status == .forbidden)
            let bare = try await staff.act(staff.dispatcher, id, ["action": "refuseReturn"])
            #expect(bare.status == .unprocessableEntity)
            #expect(try bare.problemFields() == ["/reason"])
            let refused = try await staff.act(staff.dispatcher, id, ["action": "refuseReturn", "reason": "路灯由城管局统一管护"])
            #expect(refused.status == .ok)
            row = try await Self.order(app, order.id)
            #expect(row.status == "signed" && row.departmentID?.uuidString == unit)
            let handler = try #require(try await WorklistTests.principal("handler", app))
            let told = try await InboxQueries.messages(for: handler, on: app.db).filter { $0.notification.orderID == order.id }
            #expect(told.contains { $0.notification.kind == "returnRefused" && $0.notification.text.contains("路灯由城管局统一管护") })
            // The unit works on.
            #expect(try await staff.act(staff.handler, id, ["action": "arrive"]).status == .ok)
        }
    }

    @Test func item04_anApprovedReturnIsRedispatchedAndARetiredReasonIsNoLongerOffered() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await WorklistTests.dispatched(staff)
            let id = order.id.uuidString
            let reasons = try await Self.reasons(staff.handler)
            let first = try #require(reasons.first?.id).uuidString
            #expect(try await staff.act(staff.handler, id, ["action": "return", "returnReasonId": first]).status == .ok)
            #expect(try await staff.act(staff.dispatcher, id, ["action": "approveReturn"]).status == .ok)
            var row = try await Self.order(app, order.id)
            #expect(row.status == "returned" && row.departmentID == nil)
            // Approved: nothing waits any more, and the unit no longer sees the order.
            #expect(try await staff.act(staff.dispatcher, id, ["action": "refuseReturn", "reason": "x"]).status == .conflict)
            #expect(try await staff.handler.send(.GET, "/api/v1/work-orders/\(id)").status == .notFound)
            let other = try await staff.departmentID("XZ-ZJ")
            #expect(try await staff.act(staff.dispatcher, id, ["action": "redispatch", "departmentId": other, "reason": "改派住建局"]).status == .ok)
            row = try await Self.order(app, order.id)
            #expect(row.status == "dispatched" && row.departmentID?.uuidString == other)

            // The administrator retires a reason: it is no longer offered nor accepted, and the change is audited.
            let admin = TestClient(app: app)
            try await admin.login("admin")
            let csrf = try await admin.csrf()
            #expect(
                try await staff.handler.send(
                    .PATCH, "/api/v1/return-reasons/\(first)", headers: ["X-CSRF-Token": try await staff.handler.csrf()],
                    json: ["active": false]
                ).status == .forbidden)
            let retired = try await admin.send(.PATCH, "/api/v1/return-reasons/\(first)", headers: ["X-CSRF-Token": csrf], json: ["active": false])
            #expect(retired.status == .ok)
            #expect(try await Self.reasons(staff.handler).allSatisfy { $0.id?.uuidString != first })
            let second = try await WorklistTests.dispatched(staff)
            let refused = try await staff.act(staff.handler, second.id.uuidString, ["action": "return", "returnReasonId": first])
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.problemFields() == ["/returnReasonId"])
            #expect(try await auditActions(app).contains { $0.target == "return-reason:\(first)" })

            // A new reason through the rules page; a duplicate name comes back beside its field, typed text kept.
            let added = try await admin.send(.POST, "/admin/rules/returns", form: ["_csrf": csrf, "name": "属于物业服务合同约定事项"])
            #expect(added.status == .seeOther)
            #expect(try await Self.reasons(staff.handler).contains { $0.name == "属于物业服务合同约定事项" })
            let twice = try await admin.send(.POST, "/admin/rules/returns", form: ["_csrf": csrf, "name": "属于物业服务合同约定事项"])
            #expect(twice.status == .unprocessableEntity)
            let html = twice.body.string
            #expect(html.contains("已有同名的退单原因") && html.contains("value=\"属于物业服务合同约定事项\""))
        }
    }

    @Test func item04_aDispatcherOutsideTheOrdersDivisionCannotDecide() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await WorklistTests.dispatched(staff)
            #expect(try await staff.act(staff.handler, order.id.uuidString, ["action": "return", "reason": "不属于本单位职责"]).status == .ok)
            _ = try await AccountService(application: app, database: app.db).create(
                .init(
                    username: "far-dispatcher", displayName: "F", password: "Str0ng-pass!", role: "dispatcher",
                    divisionCode: "361102001003", departmentCode: nil), by: nil, actor: .commandLine)
            let far = TestClient(app: app)
            try await far.login("far-dispatcher", "Str0ng-pass!")
            let answer = try await staff.act(far, order.id.uuidString, ["action": "refuseReturn", "reason": "不行"])
            #expect(answer.status == .notFound)
            #expect(try await Self.order(app, order.id).status == "returned")
        }
    }
}
