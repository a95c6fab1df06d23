import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

/// Issue 21, 核查结案: a category that requires an on-site check holds its completed orders until a supervisor or
/// grid member who did not handle them checks on site (position and photo); a failed check goes back to the unit;
/// the dashboard counts checks passed and failed and times the check as its own stage.
@Suite("Verification before closing (核查)")
struct VerificationFlowTests {
    static let site = ["latitude": "28.4551", "longitude": "117.9432"]

    /// A street-light order of a category that requires the check, signed and completed by the handler.
    static func completed(_ staff: Staff, _ app: Application) async throws -> String {
        let category = try #require(try await Category.find("0601", on: app.db))
        category.requiresVerification = true
        try await category.save(on: app.db)
        let order = try await WorklistTests.dispatched(staff)
        let id = order.id.uuidString
        #expect(try await staff.act(staff.handler, id, ["action": "sign"]).status == .ok)
        #expect(try await staff.act(staff.handler, id, ["action": "complete", "note": "已更换灯泡"]).status == .ok)
        return id
    }

    /// A photo uploaded to the order by `client`; its id.
    static func photo(_ client: TestClient, _ id: String) async throws -> String {
        let response = try await client.send(
            .POST, "/api/v1/work-orders/\(id)/attachments?purpose=verification", headers: ["X-CSRF-Token": try await client.csrf()],
            raw: (PublicUploadTests.jpeg, .jpeg))
        #expect(response.status == .created || response.status == .ok)
        return try response.json(AttachmentsController.AttachmentDTO.self).id.uuidString
    }

    static func verify(_ client: TestClient, _ id: String, passed: Bool, photo: String?, note: String? = nil, site: Bool = true)
        async throws -> TestingHTTPResponse
    {
        struct Body: Encodable {
            var action = "verify"
            var approved: Bool
            var latitude: Double?
            var longitude: Double?
            var photoIds: [String]?
            var note: String?
        }
        let body = Body(
            approved: passed, latitude: site ? 28.4551 : nil, longitude: site ? 117.9432 : nil, photoIds: photo.map { [$0] }, note: note)
        return try await client.send(
            .POST, "/api/v1/work-orders/\(id)/transitions", headers: ["X-CSRF-Token": try await client.csrf()], json: body)
    }

    static func status(_ id: String, _ app: Application) async throws -> String {
        try #require(try await WorkOrder.find(UUID(uuidString: id), on: app.db)).status
    }

    @Test func aFailedCheckGoesBackToTheUnitAPassedOneLetsItCloseAndTheDashboardCountsBoth() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let gridMember = TestClient(app: app)
            try await gridMember.login("gridmember")
            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            let leader = TestClient(app: app)
            try await leader.login("leader")
            let before = try await AssessmentAppealTests.dashboard(leader)
            let id = try await Self.completed(staff, app)
            #expect(try await Self.status(id, app) == "verifying")
            // It can be neither closed nor revisited while it waits for the check.
            #expect(try await staff.act(staff.operatorClient, id, ["action": "close", "note": "联系不上"]).status == .conflict)
            // The handler may not check their own work; bad input is named and nothing is written.
            let photo = try await Self.photo(gridMember, id)
            #expect(try await Self.verify(staff.handler, id, passed: true, photo: photo).status == .forbidden)
            let events = try await count("work_order_events", app)
            let noPhoto = try await Self.verify(gridMember, id, passed: true, photo: nil)
            #expect(noPhoto.status == .unprocessableEntity)
            #expect(try noPhoto.problemFields() == ["/photoIds"])
            let noSite = try await Self.verify(gridMember, id, passed: true, photo: photo, site: false)
            #expect(noSite.status == .unprocessableEntity)
            #expect(try noSite.problemFields() == ["/latitude"])
            let noNote = try await Self.verify(gridMember, id, passed: false, photo: photo)
            #expect(noNote.status == .unprocessableEntity)
            #expect(try noNote.problemFields() == ["/note"])
            let foreign = try await Self.verify(gridMember, id, passed: true, photo: UUID().uuidString)
            #expect(foreign.status == .unprocessableEntity)
            #expect(try foreign.problemFields() == ["/photoIds"])
            #expect(try await count("work_order_events", app) == events)

            // The grid member fails it: back to the unit, in progress.
            #expect(try await Self.verify(gridMember, id, passed: false, photo: photo, note: "灯仍不亮").status == .ok)
            #expect(try await Self.status(id, app) == "inProgress")
            #expect(try await staff.act(staff.handler, id, ["action": "complete", "note": "已更换镇流器"]).status == .ok)
            #expect(try await Self.status(id, app) == "verifying")
            let second = try await Self.photo(supervisor, id)
            #expect(try await Self.verify(supervisor, id, passed: true, photo: second).status == .ok)
            #expect(try await Self.status(id, app) == "completed")
            #expect(try await staff.act(staff.operatorClient, id, ["action": "close", "note": "诉求人无法联系"]).status == .ok)

            // The timeline shows both checks; the dashboard counts them and times the stage.
            let page = try await supervisor.send(.GET, "/orders/\(id)").body.string
            #expect(WorklistTests.occurrences(of: "现场核查", in: page) >= 2)
            let after = try await AssessmentAppealTests.dashboard(leader)
            #expect(after.measures["verified"] == (before.measures["verified"] ?? 0) + 1)
            #expect(after.measures["verificationFailed"] == (before.measures["verificationFailed"] ?? 0) + 1)
            #expect(after.measures["verify.stopped"] == (before.measures["verify.stopped"] ?? 0) + 1)
            // The row is the replay of its events, and the rollups equal a rebuild.
            let row = try #require(try await WorkOrder.find(UUID(uuidString: id), on: app.db))
            let stored = try await WorkOrderEventRecord.query(on: app.db).filter(\.$orderID == row.requireID()).sort(\.$sequence).all()
            #expect(try WorkOrderState.rebuild(from: stored.map(WorkOrderService.decodeEvent)) == WorkOrderService.decodeState(row))
        }
    }

    @Test func aCheckerOutOfScopeGets404AndTheOrderPageOffersTheCheckForm() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let id = try await Self.completed(staff, app)
            _ = try await AccountService(application: app, database: app.db).create(
                .init(
                    username: "far-gridmember", displayName: "F", password: "Str0ng-pass!", role: "gridMember",
                    divisionCode: "361102001003", departmentCode: nil), by: nil, actor: .commandLine)
            let far = TestClient(app: app)
            try await far.login("far-gridmember", "Str0ng-pass!")
            #expect(try await Self.verify(far, id, passed: true, photo: UUID().uuidString).status == .notFound)

            // On the page: the form asks for the outcome, the position and a photo; without a photo it is refused
            // beside the photo field, and the note typed is kept.
            let gridMember = TestClient(app: app)
            try await gridMember.login("gridmember")
            let page = try await gridMember.send(.GET, "/orders/\(id)").body.string
            #expect(page.contains("act-verify") && page.contains("现场照片") && page.contains("记录核查地点"))
            let refused = try await gridMember.send(
                .POST, "/orders/\(id)/act",
                form: ["_csrf": try await gridMember.csrf("/orders/\(id)"), "action": "verify", "approved": "false", "note": "灯罩破损未换"]
                    .merging(Self.site) { a, _ in a })
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("verify-file-error") && html.contains("灯罩破损未换"))
            #expect(try await Self.status(id, app) == "verifying")
        }
    }
}
