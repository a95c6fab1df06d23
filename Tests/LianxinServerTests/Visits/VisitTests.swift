import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

@Suite("Visits: due lists by rule, findings handled on the spot or filed, coverage")
struct VisitTests {
    @Test func aGridMemberVisitsWhatIsDueRecordsFindingsAndCoverageFollows() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let member = TestClient(app: app)
            try await member.login("gridmember")
            let due = try await member.send(.GET, "/api/v1/visits/due").json([VisitsController.DueItem].self)
            let assigned = try #require(try await GridStaffAssignment.query(on: app.db).filter(\.$validTo == nil).first()).gridCode
            #expect(!due.isEmpty && due.allSatisfy { $0.gridCode == assigned }, "only the member's own grid")
            #expect(due.allSatisfy { $0.lastVisitAt == nil }, "never visited: due today")
            let household = due[0].householdId

            // Every finding is checked before anything is written.
            let csrf = try await member.csrf()
            let bad = try await member.send(
                .POST, "/api/v1/visits", headers: ["X-CSRF-Token": csrf],
                json: VisitsController.VisitInput(
                    householdId: household, note: "入户走访",
                    findings: [
                        .init(description: "楼道灯坏了", outcome: "selfHandled"), .init(description: "下水道堵塞", outcome: "workOrder", categoryCode: "9999"),
                    ]))
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["/findings/0/result", "/findings/1/categoryCode"])
            let visitsWritten = try await count("visits", app), ordersWritten = try await count("work_orders", app)
            #expect(visitsWritten == 0 && ordersWritten == 0)

            // A photo first: an image by its bytes, for a household in scope.
            let png = [UInt8](try QRCode(encoding: "走访照片").png(scale: 2))
            let uploaded = try await member.send(
                .POST, "/api/v1/visits/photos?household=\(household)", headers: ["X-CSRF-Token": csrf], raw: (png, .png))
            #expect(uploaded.status == .created)
            let photo = try uploaded.json(VisitsController.PhotoDTO.self)
            let notAPhoto = try await member.send(
                .POST, "/api/v1/visits/photos?household=\(household)", headers: ["X-CSRF-Token": csrf],
                raw: (Array("%PDF-1.4".utf8), .png))
            #expect(notAPhoto.status == .unsupportedMediaType)

            let recorded = try await member.send(
                .POST, "/api/v1/visits", headers: ["X-CSRF-Token": csrf],
                json: VisitsController.VisitInput(
                    householdId: household, latitude: 28.4545, longitude: 117.9433, note: "入户走访，老人身体尚可",
                    findings: [
                        .init(description: "楼道灯坏了", outcome: "selfHandled", result: "当场更换灯泡"),
                        .init(description: "门前下水道堵塞，污水外溢", outcome: "workOrder", categoryCode: "0601"),
                    ], photoIds: [photo.id]))
            #expect(recorded.status == .created)
            let visit = try recorded.json(VisitsController.VisitDTO.self)
            #expect(visit.findings.map(\.outcome) == ["selfHandled", "workOrder"])
            #expect(visit.photoIds == [photo.id])
            let fetched = try await member.send(.GET, photo.url)
            #expect(fetched.status == .ok && fetched.headers.contentType == .png && fetched.body.readableBytes == png.count)
            // A photo already on a visit cannot be cited again.
            let reused = try await member.send(
                .POST, "/api/v1/visits", headers: ["X-CSRF-Token": csrf],
                json: VisitsController.VisitInput(householdId: household, note: "再次走访", photoIds: [photo.id]))
            #expect(reused.status == .unprocessableEntity && reused.body.string.contains("photoIds"))
            let orderID = try #require(visit.findings[1].orderId)
            let order = try #require(try await WorkOrder.find(orderID, on: app.db))
            #expect(order.channel == "gridPatrol" && order.divisionCode.hasPrefix("361102001001"))
            #expect(
                try await member.send(.GET, "/api/v1/visits/due").json([VisitsController.DueItem].self).allSatisfy { $0.householdId != household })

            let community = TestClient(app: app)
            try await community.login("community")
            var coverage = try await community.send(.GET, "/api/v1/visit-coverage").json(VisitsController.Coverage.self)
            let row = try #require(coverage.rows.first { $0.code == assigned })
            #expect(row.visitedAsDue == 1 && row.overdue == 0 && row.householdsWithRules == row.households)
            #expect(coverage.formula.contains("走访覆盖率"))

            // Forty days later the monthly round is overdue.
            clock.advance(40 * 86_400)
            try await community.login("community")
            coverage = try await community.send(.GET, "/api/v1/visit-coverage").json(VisitsController.Coverage.self)
            #expect(coverage.rows.first { $0.code == assigned }.map { $0.overdue >= 1 && $0.visitedAsDue == 0 } == true)

            // A household outside the member's grids is out of reach.
            let elsewhere = try #require(try await Household.query(on: app.db).filter(\.$gridCode != assigned).first())
            try await member.login("gridmember")
            let outside = try await member.send(
                .POST, "/api/v1/visits", headers: ["X-CSRF-Token": try await member.csrf()],
                json: VisitsController.VisitInput(householdId: elsewhere.id, note: "走访"))
            #expect(outside.status == .notFound)
        }
    }

    @Test func visitRulesAreDataOnlyTheDeploymentsAdministratorChanges() async throws {
        try await withLianxin(demo: true) { app, _ in
            let admin = TestClient(app: app)
            try await admin.login("admin")
            let rules = try await admin.send(.GET, "/api/v1/visit-rules").json([VisitsController.RuleDTO].self)
            #expect(rules.first { $0.tag == "hardship" }?.cadence == "weekly")
            let csrf = try await admin.csrf()
            #expect(
                try await admin.send(.PUT, "/api/v1/visit-rules/hardship", headers: ["X-CSRF-Token": csrf], json: ["cadence": "every:0"]).status
                    == .unprocessableEntity)
            #expect(
                try await admin.send(.PUT, "/api/v1/visit-rules/nosuchtag", headers: ["X-CSRF-Token": csrf], json: ["cadence": "daily"]).status
                    == .notFound)
            #expect(
                try await admin.send(.PUT, "/api/v1/visit-rules/hardship", headers: ["X-CSRF-Token": csrf], json: ["cadence": "daily"]).status
                    == .ok)
            #expect(try await VisitSchedule.policy(on: app.db).rules.contains(VisitRule(tagID: "hardship", cadence: .daily)))
            for username in ["gridmember", "community"] {
                let staff = TestClient(app: app)
                try await staff.login(username)
                #expect(
                    try await staff.send(
                        .PUT, "/api/v1/visit-rules/hardship", headers: ["X-CSRF-Token": try await staff.csrf()], json: ["cadence": "weekly"]
                    ).status == .forbidden, "the cadences are the whole deployment's, not one community's")
            }
        }
    }
}

@Suite("Part-time grid helpers (兼职网格员) report from their grid")
struct PartTimeHelperTests {
    @Test func aPartTimeHelperSeesTheirGridAndFilesAPatrolReport() async throws {
        try await withLianxin(demo: true) { app, _ in
            let grids = try await Grid.query(on: app.db).filter(\.$communityCode == "361102001001").filter(\.$validTo == nil).sort(\.$code).all()
            let admin = TestClient(app: app)
            try await admin.login("secadmin")
            let account = AccountService.NewAccount(
                username: "rider01", displayName: "骑手 小刘 (兼职网格员)", password: "Rider@2026x",
                role: "gridMember", divisionCode: "361102001001")
            #expect(try await admin.send(.POST, "/api/v1/users", headers: ["X-CSRF-Token": try await admin.csrf()], json: account).status == .created)
            try await acceptInitialPassword(account.username, app)
            let community = TestClient(app: app)
            try await community.login("community")
            let assigned = try await community.send(
                .POST, "/api/v1/grid-staff", headers: ["X-CSRF-Token": try await community.csrf()],
                json: GridStaffController.AssignInput(gridCode: grids[1].code, username: "rider01", role: "partTime"))
            #expect(assigned.status == .created)

            let helper = TestClient(app: app)
            try await helper.login("rider01", "Rider@2026x")
            let due = try await helper.send(.GET, "/api/v1/visits/due").json([VisitsController.DueItem].self)
            #expect(!due.isEmpty && due.allSatisfy { $0.gridCode == grids[1].code }, "a part-time helper sees the grid they help in, only")
            let report = try await helper.send(
                .POST, "/api/v1/work-orders", headers: ["X-CSRF-Token": try await helper.csrf()],
                json: NewWorkOrder(
                    title: "井盖缺失", description: "送餐途中发现劳动路井盖缺失", categoryCode: "0601", channel: "gridPatrol",
                    divisionCode: "361102001001"))
            #expect(report.status == .created)
            #expect(try report.json(WorkOrderDTO.self).channel == "gridPatrol")
        }
    }
}
