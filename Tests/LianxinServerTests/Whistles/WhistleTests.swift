import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer

@Suite("吹哨报到 and 一哨一评")
struct WhistleTests {
    struct Blow: Encodable {
        var title: String
        var description: String
        var requiredArrivalAt: Date
        var departmentIds: [UUID]
    }

    struct Marks: Encodable {
        var departmentId: UUID
        var evaluator: String
        var handling: Int
        var satisfaction: Int
    }

    @Test func aCommunityBlowsDepartmentsReportAreScoredAndRollUpMonthly() async throws {
        let clock = TestClock(SLASchedulerTests.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let community = TestClient(app: app)
            try await community.login("community")
            let handler = TestClient(app: app)
            try await handler.login("handler")
            let cg = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first()?.id)
            let zj = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-ZJ").first()?.id)
            let token = try await community.csrf()
            let bad = try await community.send(.POST, "/api/v1/whistles", headers: ["X-CSRF-Token": token], json: ["title": "x"])
            #expect(bad.status == .unprocessableEntity)
            let blown = try await community.send(
                .POST, "/api/v1/whistles", headers: ["X-CSRF-Token": token],
                json: Blow(
                    title: "劳动路违建与占道", description: "需城管、住建联合处置", requiredArrivalAt: clock.now.addingTimeInterval(1800),
                    departmentIds: [cg, zj]))
            #expect(blown.status == .created)
            let whistle = try blown.json(WhistlesController.WhistleDTO.self)
            #expect(whistle.departments.count == 2)
            let inbox = try await handler.send(.GET, "/api/v1/inbox").json([WorkOrdersController.InboxItem].self)
            #expect(inbox.contains { $0.kind == "whistle" })
            clock.advance(1200)
            _ = try await handler.send(.GET, "/")  // stay signed in (30 idle minutes end a session)
            _ = try await community.send(.GET, "/")
            clock.advance(1200)  // 10 minutes late
            let handlerToken = try await handler.csrf()
            #expect(
                try await handler.send(.POST, "/api/v1/whistles/\(whistle.id)/report", headers: ["X-CSRF-Token": handlerToken], json: ["note": "已到场"])
                    .status == .ok)
            #expect(
                try await handler.send(
                    .POST, "/api/v1/whistles/\(whistle.id)/report", headers: ["X-CSRF-Token": handlerToken], json: ["note": "again"]
                ).status == .conflict)
            #expect(
                try await community.send(.POST, "/api/v1/whistles/\(whistle.id)/report", headers: ["X-CSRF-Token": token], json: ["note": "x"]).status
                    == .forbidden)
            let scored = try await community.send(
                .POST, "/api/v1/whistles/\(whistle.id)/evaluations", headers: ["X-CSRF-Token": token],
                json: Marks(departmentId: cg, evaluator: "blower", handling: 5, satisfaction: 4))
            let cgRow = try #require(try scored.json(WhistlesController.WhistleDTO.self).departments.first { $0.departmentId == cg })
            #expect(cgRow.onTime == false)
            #expect(cgRow.score == 86.5, "0.3 × 80 (10 minutes late) + 0.4 × 100 + 0.3 × 75")
            let badMarks = try await community.send(
                .POST, "/api/v1/whistles/\(whistle.id)/evaluations", headers: ["X-CSRF-Token": token],
                json: Marks(departmentId: cg, evaluator: "blower", handling: 9, satisfaction: 4))
            #expect(badMarks.status == .unprocessableEntity)
            #expect(
                try await community.send(.POST, "/api/v1/whistles/\(whistle.id)/close", headers: ["X-CSRF-Token": token], json: ["result": "违建已拆除"])
                    .status == .ok)
            let scores = try await community.send(.GET, "/api/v1/whistle-scores?month=2026-11").json([WhistlesController.DepartmentScore].self)
            #expect(scores.first?.departmentId == cg)
            #expect(scores.first?.averageScore == 86.5)
            let stranger = TestClient(app: app)
            _ = try await AccountService(application: app, database: app.db).create(
                .init(
                    username: "other-community", displayName: "O", password: "Str0ng-pass!", role: "communityStaff",
                    divisionCode: "361102001003", departmentCode: nil), by: nil, actor: .commandLine)
            try await stranger.login("other-community", "Str0ng-pass!")
            #expect(try await stranger.send(.GET, "/api/v1/whistles/\(whistle.id)").status == .notFound)
        }
    }
}
