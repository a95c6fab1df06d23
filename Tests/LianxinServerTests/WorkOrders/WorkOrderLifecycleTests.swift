import Foundation
import Testing
import VaporTesting
import Fluent
import SQLKit
@testable import LianxinServer
import LianxinCore

/// Helpers that act as the demo staff through the API.
struct Staff {
    let app: Application
    let operatorClient: TestClient
    let dispatcher: TestClient
    let handler: TestClient

    static func signIn(_ app: Application) async throws -> Staff {
        let staff = Staff(app: app, operatorClient: TestClient(app: app), dispatcher: TestClient(app: app), handler: TestClient(app: app))
        try await staff.operatorClient.login("operator")
        try await staff.dispatcher.login("dispatcher")
        try await staff.handler.login("handler")
        return staff
    }

    static let newOrder: [String: String] = [
        "title": "上滩头社区路灯不亮", "description": "劳动路 12 号门前路灯连续三晚不亮，夜间行人不便。",
        "categoryCode": "0601", "divisionCode": "361102001001", "channel": "hotline", "requestKind": "assistance",
        "requesterName": "李四", "requesterPhone": "13807930001",
    ]

    func create(_ body: [String: String] = Staff.newOrder, key: String? = nil) async throws -> TestingHTTPResponse {
        var headers: HTTPHeaders = ["X-CSRF-Token": try await operatorClient.csrf()]
        if let key { headers.add(name: "Idempotency-Key", value: key) }
        return try await operatorClient.send(.POST, "/api/v1/work-orders", headers: headers, json: body)
    }

    @discardableResult
    func act(_ client: TestClient, _ id: String, _ body: [String: String]) async throws -> TestingHTTPResponse {
        try await client.send(.POST, "/api/v1/work-orders/\(id)/transitions", headers: ["X-CSRF-Token": try await client.csrf()], json: body)
    }

    func departmentID(_ code: String) async throws -> String {
        try #require(try await Department.query(on: app.db).filter(\.$code == code).first()?.id?.uuidString)
    }
}

@Suite("Work orders: the 接诉即办 lifecycle through the API")
struct WorkOrderLifecycleTests {
    @Test func anOrderGoesFromIntakeToClosedThroughReopenAndItsRowEqualsItsReplayedEvents() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let created = try await staff.create()
            #expect(created.status == .created)
            let order = try created.json(WorkOrderDTO.self)
            #expect(order.status == "received")
            #expect(order.number.count == 14 && order.number.hasSuffix("000001"))
            #expect(order.requesterPhone == "138****0001", "phones are masked")
            let department = try await staff.departmentID("XZ-CG")
            #expect(order.suggestedDepartmentId?.uuidString == department, "the district's bureau for a district order (issue 18 item 7)")
            let id = order.id.uuidString
            #expect(try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": department]).status == .ok)
            for action in ["sign", "arrive", "startProgress"] {
                #expect(try await staff.act(staff.handler, id, ["action": action]).status == .ok, "\(action)")
            }
            #expect(try await staff.act(staff.handler, id, ["action": "complete", "note": "已更换灯泡"]).status == .ok)
            let dissatisfied = try await staff.act(
                staff.operatorClient, id, ["action": "revisit", "satisfaction": "dissatisfied", "solved": "false"])
            #expect(dissatisfied.status == .badRequest || dissatisfied.status == .unprocessableEntity, "solved must be a boolean")
            let reopened = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders/\(id)/transitions",
                headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()],
                json: TransitionBody(action: "revisit", satisfaction: "dissatisfied", solved: false))
            let afterReopen = try reopened.json(WorkOrderDTO.self)
            #expect(afterReopen.status == "reopened")
            #expect(afterReopen.priority == "urgent", "a reopened order's priority is raised")
            #expect(afterReopen.departmentId?.uuidString == department, "back to the same unit")
            for action in ["sign", "startProgress"] { #expect(try await staff.act(staff.handler, id, ["action": action]).status == .ok) }
            #expect(try await staff.act(staff.handler, id, ["action": "complete", "note": "线路已修复"]).status == .ok)
            let satisfied = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders/\(id)/transitions",
                headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()],
                json: TransitionBody(action: "revisit", satisfaction: "satisfied", solved: true))
            #expect(try satisfied.json(WorkOrderDTO.self).status == "evaluated")
            let closed = try await staff.act(staff.operatorClient, id, ["action": "close"])
            #expect(try closed.json(WorkOrderDTO.self).status == "closed")

            let events = try await staff.operatorClient.send(.GET, "/api/v1/work-orders/\(id)/events").json([WorkOrderEventDTO].self)
            #expect(
                events.map(\.kind) == [
                    "created", "accepted", "dispatched", "signed", "arrived", "progressStarted", "completed",
                    "evaluated", "signed", "progressStarted", "completed", "evaluated", "closed",
                ])
            let row = try #require(try await WorkOrder.find(order.id, on: app.db))
            let records = try await WorkOrderEventRecord.query(on: app.db).filter(\.$orderID == order.id).sort(\.$sequence).all()
            let rebuilt = try WorkOrderState.rebuild(from: try records.map(WorkOrderService.decodeEvent))
            #expect(rebuilt == (try WorkOrderService.decodeState(row)), "the row is a projection of its events")
        }
    }

    @Test func illegalAndForbiddenTransitionsAreRefusedWithTheReason() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let id = try await staff.create().json(WorkOrderDTO.self).id.uuidString
            let early = try await staff.act(staff.handler, id, ["action": "sign"])
            #expect(early.status == .notFound, "a department sees no order before it is dispatched to it")
            let wrongRole = try await staff.act(staff.operatorClient, id, ["action": "sign"])
            #expect(wrongRole.status == .forbidden)
            let wrongState = try await staff.act(staff.dispatcher, id, ["action": "close"])
            #expect(wrongState.status == .conflict)
            #expect((try wrongState.field("detail") as? String)?.isEmpty == false)
            let noReason = try await staff.act(staff.dispatcher, id, ["action": "cancel"])
            #expect(noReason.status == .unprocessableEntity)
            #expect(try (noReason.field("errors") as? [[String: String]])?.first?["field"] == "/reason")
            let unknown = try await staff.act(staff.dispatcher, id, ["action": "teleport"])
            #expect(try (unknown.field("errors") as? [[String: String]])?.first?["field"] == "/action")
            let noDepartment = try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": UUID().uuidString])
            #expect(noDepartment.status == .unprocessableEntity)
            #expect(try await count("work_order_events", app) == 2, "refused transitions write nothing")
        }
    }

    @Test func aRetriedSubmissionWithTheSameIdempotencyKeyCreatesOneOrder() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let first = try await staff.create(key: "call-20261125-0001")
            let second = try await staff.create(key: "call-20261125-0001")
            #expect(first.status == .created)
            #expect(second.status == .ok)
            #expect(try first.json(WorkOrderDTO.self).id == second.json(WorkOrderDTO.self).id)
            #expect(try await count("work_orders", app) == 1)
        }
    }

    @Test func badIntakeNamesEveryFieldAndWritesNothing() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let response = try await staff.create([
                "title": "", "categoryCode": "9999", "divisionCode": "3612",
                "requesterPhone": "12345", "channel": "fax",
            ])
            #expect(response.status == .unprocessableEntity)
            let fields = Set(try #require(try response.field("errors") as? [[String: String]]).compactMap { $0["field"] })
            #expect(fields == ["/title", "/description", "/categoryCode", "/channel", "/divisionCode", "/requesterPhone"])
            #expect(try await count("work_orders", app) == 0)
            #expect(try await count("work_order_events", app) == 0)
        }
    }

    @Test func ordersOutsideYourScopeAnswer404() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let id = try await staff.create().json(WorkOrderDTO.self).id.uuidString
            _ = try await AccountService(application: app, database: app.db).create(
                .init(
                    username: "other-staff", displayName: "O", password: "Str0ng-pass!", role: "communityStaff",
                    divisionCode: "361102001003", departmentCode: nil), by: nil, actor: .commandLine)
            let other = TestClient(app: app)
            try await other.login("other-staff", "Str0ng-pass!")
            #expect(try await other.send(.GET, "/api/v1/work-orders/\(id)").status == .notFound)
            let list = try await other.send(.GET, "/api/v1/work-orders").json(ListPage<WorkOrderDTO>.self)
            #expect(list.items.isEmpty)
            let community = TestClient(app: app)
            try await community.login("community")
            #expect(try await community.send(.GET, "/api/v1/work-orders/\(id)").status == .ok)
            #expect(try await staff.handler.send(.GET, "/api/v1/work-orders/\(id)").status == .notFound, "not yet dispatched to them")
        }
    }

    @Test func orderNumbersStayUniqueUnderConcurrentIntake() async throws {
        try await withLianxin(demo: true) { app, _ in
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "operator").first())
            let principal = try Principal(user: user, sessionID: nil, csrfToken: nil)
            let service = WorkOrderService(application: app, database: app.db)
            var input = NewWorkOrder()
            input.title = "并发受理"; input.description = "并发测试"; input.categoryCode = "0101"; input.divisionCode = "361102"
            let valid = try await service.validate(input, scope: principal.division)
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<40 {
                    group.addTask { try await service.create(valid, by: principal.workOrderActor, idempotencyKey: nil).0.number }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(numbers).count == 40)
            #expect(Set(numbers.map { Int($0.suffix(6))! }) == Set(1...40))
        }
    }

    @Test func closingAParentClosesItsMergedDuplicates() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let parent = try await staff.create().json(WorkOrderDTO.self).id.uuidString
            let child = try await staff.create().json(WorkOrderDTO.self).id.uuidString
            #expect(try await staff.act(staff.operatorClient, child, ["action": "merge", "parentId": parent]).status == .ok)
            #expect(try await staff.act(staff.operatorClient, parent, ["action": "merge", "parentId": parent]).status == .conflict)
            try await staff.act(staff.dispatcher, parent, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")])
            for action in ["sign", "startProgress"] { try await staff.act(staff.handler, parent, ["action": action]) }
            try await staff.act(staff.handler, parent, ["action": "complete", "note": "已修复"])
            try await staff.act(staff.operatorClient, parent, ["action": "close", "note": "电话未接通，按办结归档"])
            let merged = try await staff.operatorClient.send(.GET, "/api/v1/work-orders/\(child)").json(WorkOrderDTO.self)
            #expect(merged.status == "closed")
        }
    }
}

/// A transition body with typed fields (booleans and enums), as API clients send them.
struct TransitionBody: Encodable {
    var action: String
    var satisfaction: String?
    var solved: Bool?
    var note: String?
    var photoIds: [UUID]?
}
