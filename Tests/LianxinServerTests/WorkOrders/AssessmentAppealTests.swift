import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

/// Issue 19: a unit asks to leave an order out of its assessment (核减) with a reason and evidence; the centre
/// approves or refuses; an approved order stays visible but leaves the 三率 and the unit's ranking.
@Suite("Assessment appeals (核减)")
struct AssessmentAppealTests {
    static func dashboard(_ client: TestClient) async throws -> DashboardDTO {
        try await client.send(.GET, "/api/v1/dashboard?division=361102001001&period=day").json(DashboardDTO.self)
    }

    struct Decision: Encodable {
        var action = "decideAppeal"
        var approved: Bool
        var note: String?
    }

    static func decide(_ staff: Staff, _ client: TestClient, _ id: String, _ approved: Bool, _ note: String? = nil) async throws
        -> TestingHTTPResponse
    {
        try await client.send(
            .POST, "/api/v1/work-orders/\(id)/transitions", headers: ["X-CSRF-Token": try await client.csrf()],
            json: Decision(approved: approved, note: note))
    }

    @Test func item06_anApprovedAppealLeavesTheRatesAndTheDashboardSaysSo() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            let leader = TestClient(app: app)
            try await leader.login("leader")
            let order = try await WorklistTests.dispatched(staff)
            let id = order.id.uuidString
            #expect(try await staff.act(staff.handler, id, ["action": "sign"]).status == .ok)
            let before = try await Self.dashboard(leader)
            #expect(before.measures["exempted"] == 0)

            // Bad input is named, nothing written.
            let events = try await count("work_order_events", app)
            let noKind = try await staff.act(staff.handler, id, ["action": "appealAssessment", "reason": "恶意重复投诉"])
            #expect(noKind.status == .unprocessableEntity)
            #expect(try noKind.problemFields() == ["/appealKind"])
            let noReason = try await staff.act(staff.handler, id, ["action": "appealAssessment", "appealKind": "malicious"])
            #expect(noReason.status == .unprocessableEntity)
            #expect(try noReason.problemFields() == ["/reason"])
            #expect(try await count("work_order_events", app) == events)

            let filed = try await staff.act(
                staff.handler, id, ["action": "appealAssessment", "appealKind": "malicious", "reason": "同一号码一周内第六次反映同一事项，均已答复"])
            #expect(filed.status == .ok)
            let principal = try #require(try await WorklistTests.principal("supervisor", app))
            let inbox = try await InboxQueries.messages(for: principal, on: app.db).filter { $0.notification.orderID == order.id }
            #expect(inbox.contains { $0.notification.kind == "appealFiled" })
            // Only the centre decides; a waiting appeal changes no figure.
            #expect(try await Self.decide(staff, staff.handler, id, true).status == .forbidden)
            #expect(try await Self.dashboard(leader).counted == before.counted)

            let page = try await supervisor.send(.GET, "/orders/\(id)").body.string
            #expect(page.contains("审核核减申请") && page.contains("恶意诉求"))
            #expect(try await Self.decide(staff, supervisor, id, true, "情况属实").status == .ok)

            let after = try await Self.dashboard(leader)
            #expect(after.received == before.received, "the order is still received")
            #expect(after.counted == before.counted - 1 && after.measures["exempted"] == 1)
            #expect(after.measures["dispatched"] == (before.measures["dispatched"] ?? 0) - 1)
            // The order stays visible, and the dashboard page names the exempted orders.
            #expect(try await staff.handler.send(.GET, "/api/v1/work-orders/\(id)").status == .ok)
            let html = try await leader.send(.GET, "/dashboard?division=361102001001&period=day").body.string
            #expect(html.contains("核减工单（不计入考核）"))
            // The unit hears of the decision; a second appeal is refused.
            let handler = try #require(try await WorklistTests.principal("handler", app))
            let told = try await InboxQueries.messages(for: handler, on: app.db).filter { $0.notification.orderID == order.id }
            #expect(told.contains { $0.notification.kind == "appealDecided" && $0.notification.text.contains("已同意") })
            let again = try await staff.act(staff.handler, id, ["action": "appealAssessment", "appealKind": "repeated", "reason": "再次申请"])
            #expect(again.status == .conflict)
        }
    }

    @Test func item06_anotherUnitCannotAppealAndAFarSupervisorCannotDecide() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await WorklistTests.dispatched(staff)
            let id = order.id.uuidString
            #expect(
                try await staff.act(staff.handler, id, ["action": "appealAssessment", "appealKind": "unreasonable", "reason": "超出政策"]).status == .ok)
            _ = try await AccountService(application: app, database: app.db).create(
                .init(
                    username: "far-supervisor", displayName: "F", password: "Str0ng-pass!", role: "supervisor",
                    divisionCode: "361102001003", departmentCode: nil), by: nil, actor: .commandLine)
            let far = TestClient(app: app)
            try await far.login("far-supervisor", "Str0ng-pass!")
            #expect(try await Self.decide(staff, far, id, true).status == .notFound)
            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            let refused = try await Self.decide(staff, supervisor, id, false)
            #expect(refused.status == .unprocessableEntity, "a refusal needs its reason")
            #expect(try await Self.decide(staff, supervisor, id, false, "证据不足").status == .ok)
            let state = try WorkOrderService.decodeState(try #require(try await WorkOrder.find(order.id, on: app.db)))
            #expect(state.pendingAppeal == nil && state.exemptedFromAssessment == nil)
        }
    }
}
