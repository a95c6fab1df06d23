import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer

/// Issue 16 item 7: a step may name other objects (a parent order, a unit, an assignee); each one
/// is checked against the actor's scope and the order, not only the order in the URL.
@Suite("Work orders: every object a step names is in scope")
struct ReferenceScopeTests {
    /// A 广丰区 dispatcher, a 广丰区 unit, a 广丰区 order and a 信州区 order (both received).
    private func twoCounties(_ app: Application) async throws -> (staff: Staff, guangfeng: TestClient, gfOrder: String, xzOrder: String) {
        try await Department(code: "GF-CG", name: "广丰区城市管理局", divisionCode: "361103").create(on: app.db)
        _ = try await AccountService(application: app, database: app.db).create(
            .init(
                username: "gf-dispatcher", displayName: "广丰区派单员", password: "Str0ng-pass!", role: "dispatcher",
                divisionCode: "361103", departmentCode: nil), by: nil, actor: .commandLine)
        let staff = try await Staff.signIn(app)
        var body = Staff.newOrder
        body["divisionCode"] = "361103001"
        let gfOrder = try await staff.create(body).json(WorkOrderDTO.self).id.uuidString
        let xzOrder = try await staff.create().json(WorkOrderDTO.self).id.uuidString
        let guangfeng = TestClient(app: app)
        try await guangfeng.login("gf-dispatcher", "Str0ng-pass!")
        return (staff, guangfeng, gfOrder, xzOrder)
    }

    @Test func item07_aDispatcherCannotMergeUnderAnOrderOfAnotherCounty() async throws {
        try await withLianxin(demo: true) { app, _ in
            let (staff, guangfeng, gfOrder, xzOrder) = try await twoCounties(app)
            #expect(try await guangfeng.send(.GET, "/api/v1/work-orders/\(xzOrder)").status == .notFound)
            let merged = try await staff.act(guangfeng, gfOrder, ["action": "merge", "parentId": xzOrder])
            #expect(merged.status == .conflict, "an out-of-scope parent is answered like a missing one")
            let missing = try await staff.act(guangfeng, gfOrder, ["action": "merge", "parentId": UUID().uuidString])
            #expect(try merged.field("detail") as? String == missing.field("detail") as? String)
            let row = try #require(try await WorkOrder.find(UUID(uuidString: gfOrder), on: app.db))
            #expect(row.parentID == nil && row.status == "received", "nothing was written")
            // The city dispatcher sees both counties and may merge (the parent is theirs to see).
            #expect(try await staff.act(staff.dispatcher, gfOrder, ["action": "merge", "parentId": xzOrder]).status == .ok)
        }
    }

    @Test func item07_aDispatcherCannotSendAnOrderToAUnitOfAnotherCounty() async throws {
        try await withLianxin(demo: true) { app, _ in
            let (staff, guangfeng, gfOrder, xzOrder) = try await twoCounties(app)
            let xinzhouUnit = try await staff.departmentID("XZ-CG")
            let refused = try await staff.act(guangfeng, gfOrder, ["action": "dispatch", "departmentId": xinzhouUnit])
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.problemFields().contains("/departmentId"))
            #expect(try await WorkOrder.find(UUID(uuidString: gfOrder), on: app.db)?.departmentID == nil)
            // Not even the city dispatcher sends a 广丰区 order to a 信州区 unit, nor a 信州区 order to 广丰区's.
            let cityWrong = try await staff.act(staff.dispatcher, gfOrder, ["action": "dispatch", "departmentId": xinzhouUnit])
            #expect(cityWrong.status == .unprocessableEntity)
            let guangfengUnit = try await staff.departmentID("GF-CG")
            #expect(
                try await staff.act(staff.dispatcher, xzOrder, ["action": "dispatch", "departmentId": guangfengUnit]).status == .unprocessableEntity)
            // Its own county's unit, and a city unit above it, are fine.
            #expect(try await staff.act(guangfeng, gfOrder, ["action": "dispatch", "departmentId": guangfengUnit]).status == .ok)
            let cityUnit = try await staff.departmentID("SR-CG")
            #expect(try await staff.act(staff.dispatcher, xzOrder, ["action": "dispatch", "departmentId": cityUnit]).status == .ok)
        }
    }

    @Test func item07_anOrderIsAssignedOnlyToAMemberOfItsUnit() async throws {
        try await withLianxin(demo: true) { app, _ in
            let (staff, _, _, xzOrder) = try await twoCounties(app)
            let unit = try await staff.departmentID("XZ-CG")
            #expect(try await staff.act(staff.dispatcher, xzOrder, ["action": "dispatch", "departmentId": unit]).status == .ok)
            let lead = TestClient(app: app)
            try await lead.login("deptlead")
            #expect(try await staff.act(lead, xzOrder, ["action": "sign"]).status == .ok)
            let outsider = try #require(try await User.query(on: app.db).filter(\.$username == "gf-dispatcher").first()?.id)
            let refused = try await staff.act(lead, xzOrder, ["action": "assign", "assigneeId": outsider.uuidString])
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.problemFields().contains("/assigneeId"))
            let member = try #require(try await User.query(on: app.db).filter(\.$username == "handler").first()?.id)
            #expect(try await staff.act(lead, xzOrder, ["action": "assign", "assigneeId": member.uuidString]).status == .ok)
        }
    }
}
