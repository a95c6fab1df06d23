import Fluent
import Foundation
import LianxinCore
import Testing
import Vapor
import VaporTesting
@testable import LianxinServer

/// 我陪群众走流程 through the API and the page: a county leader's session at a township hall, a problem handed to a
/// unit, the unit's rectification and the supervising office's sign-off, the figures; bad input named field by field;
/// another community's staff and another unit's staff get 404.
@Suite("我陪群众走流程: sessions, problems, rectification by the owner unit, sign-off, figures; scope and bad input")
struct LeaderDutyTests {
    struct Created: Decodable {
        let id: String
        let status: String?
    }

    static func token(_ username: String, _ app: Application) async throws -> HTTPHeaders {
        let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
        let token = try await AccountService(application: app, database: app.db).issueToken(for: user, name: "t", actor: .commandLine)
        return ["Authorization": "Bearer \(token)"]
    }

    static func handler(_ username: String, unit: String, _ app: Application) async throws -> HTTPHeaders {
        let user = try await AccountService(application: app, database: app.db).create(
            .init(
                username: username, displayName: username, password: "Str0ng@2026-pw", role: "departmentHandler", divisionCode: "361102",
                departmentCode: unit), by: nil, actor: .commandLine)
        let token = try await AccountService(application: app, database: app.db).issueToken(for: user, name: "t", actor: .commandLine)
        return ["Authorization": "Bearer \(token)"]
    }

    static func id(_ username: String, _ app: Application) async throws -> String {
        try #require(try await User.query(on: app.db).filter(\.$username == username).first()).requireID().uuidString
    }

    static func unit(_ code: String, _ app: Application) async throws -> String {
        try #require(try await Department.query(on: app.db).filter(\.$code == code).first()).requireID().uuidString
    }

    @Test func aProblemFoundAtTheWindowIsFixedByItsUnitAndSignedOff() async throws {
        try await withLianxin(demo: true) { app, client in
            let office = try await PartyVillage.bearer("sup-duty", role: "supervisor", division: "361102", app)
            let county = try await Self.token("xzleader", app)
            let today = LocalDate(app.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
            let before = try (try await client.send(.GET, "/api/v1/leader-duty/overview", headers: county)).json(LeaderDutyFigures.self)
            let session = try await client.send(
                .POST, "/api/v1/leader-duty/sessions", headers: office,
                json: LeaderDutyService.SessionInput(
                    leaderId: try await Self.id("xzleader", app), divisionCode: "361102001", heldOn: today.adding(days: -1).description,
                    hall: "水南街道便民服务中心", matter: "低保申请", role: "asApplicant", services: 7))
            #expect(session.status == .created, "\(session.body.string)")
            let sessionID = try session.json(Created.self).id
            let problem = try await client.send(
                .POST, "/api/v1/leader-duty/sessions/\(sessionID)/problems", headers: office,
                json: LeaderDutyService.ProblemInput(
                    description: "门口台阶没有无障碍坡道", ownerUnitId: try await Self.unit("XZ-CG", app), deadline: today.adding(days: 10).description))
            #expect(problem.status == .created, "\(problem.body.string)")
            let problemID = try problem.json(Created.self).id
            #expect(try problem.json(Created.self).status == "open")

            let early = try await client.send(
                .POST, "/api/v1/leader-duty/problems/\(problemID)/actions", headers: office, json: LeaderDutyService.ActionInput(action: "confirm"))
            #expect(early.status == .conflict, "nothing to sign off before the unit reports")
            let otherUnit = try await Self.handler("zj-duty", unit: "XZ-ZJ", app)
            let notTheirs = try await client.send(
                .POST, "/api/v1/leader-duty/problems/\(problemID)/actions", headers: otherUnit,
                json: LeaderDutyService.ActionInput(action: "rectify", rectification: "已修好"))
            #expect(notTheirs.status == .notFound, "another unit's task")
            let owner = try await Self.handler("cg-duty", unit: "XZ-CG", app)
            let blank = try await client.send(
                .POST, "/api/v1/leader-duty/problems/\(problemID)/actions", headers: owner, json: LeaderDutyService.ActionInput(action: "rectify"))
            #expect(try blank.status == .unprocessableEntity && blank.problemFields() == ["/rectification"])
            let fixed = try await client.send(
                .POST, "/api/v1/leader-duty/problems/\(problemID)/actions", headers: owner,
                json: LeaderDutyService.ActionInput(action: "rectify", rectification: "已加装无障碍坡道并设扶手"))
            #expect(try fixed.json(Created.self).status == "rectified", "\(fixed.body.string)")
            let selfSigned = try await client.send(
                .POST, "/api/v1/leader-duty/problems/\(problemID)/actions", headers: owner, json: LeaderDutyService.ActionInput(action: "confirm"))
            #expect(selfSigned.status == .forbidden, "the unit does not sign off its own work")
            let signed = try await client.send(
                .POST, "/api/v1/leader-duty/problems/\(problemID)/actions", headers: office, json: LeaderDutyService.ActionInput(action: "confirm"))
            #expect(try signed.json(Created.self).status == "confirmed")
            let entries = try await AuditEntry.query(on: app.db).filter(\.$action == "leader-duty.decide").all()
            #expect(entries.compactMap(\.target) == [problemID])

            let after = try (try await client.send(.GET, "/api/v1/leader-duty/overview", headers: county)).json(LeaderDutyFigures.self)
            #expect(after.sessions == before.sessions + 1 && after.services == before.services + 7 && after.problems == before.problems + 1)
            #expect(after.asApplicant == before.asApplicant + 1)
            let township = try #require(after.divisions.first { $0.name == "水南街道" })
            #expect(township.sessions == 4 && township.services == 4 + 9 + 3 + 7)
            #expect(after.overdue == 2, "the demo's two tasks past their day")
            #expect(after.months.count == 6 && after.months.last?.sessions ?? 0 >= 1)

            let page = TestClient(app: app)
            try await page.login("leader")
            let html = try await page.send(.GET, "/leader-duty")
            #expect(html.status == .ok && html.body.string.contains("低保申请") && html.body.string.contains("id=\"ld-sessions\">\(after.sessions)<"))
        }
    }

    @Test func badInputIsNamedAndAnotherCommunitySeesNothing() async throws {
        try await withLianxin(demo: true) { app, client in
            let staff = try await PartyVillage.bearer("cs-duty", role: "communityStaff", division: "361102001001", app)
            let other = try await PartyVillage.bearer("cs-duty-other", role: "communityStaff", division: "361102001003", app)
            let bad = try await client.send(
                .POST, "/api/v1/leader-duty/sessions", headers: staff,
                json: LeaderDutyService.SessionInput(
                    leaderId: "", divisionCode: "", heldOn: "2099-01-01", hall: "", matter: "x", role: "boss", services: 0))
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.problemFields()) == ["/leaderId", "/divisionCode", "/heldOn", "/hall", "/matter", "/role", "/services"])
            #expect(try await DutySession.query(on: app.db).count() == LeaderDutyDemo.sessions.count, "nothing written")
            let leader = try await Self.id("xzleader", app)
            let today = LocalDate(app.lianxin.now(), in: ResidentIDNumber.chinaTimeZone).description
            let theirHall = try await client.send(
                .POST, "/api/v1/leader-duty/sessions", headers: staff,
                json: LeaderDutyService.SessionInput(
                    leaderId: leader, divisionCode: "361102001003", heldOn: today, hall: "劳动路社区服务站", matter: "开具证明", role: "asStaff", services: 2))
            #expect(theirHall.status == .notFound, "another community's hall")
            let elsewhere = try await makeAccount("gf-leader", app, role: "leader", division: "361103")
            let foreignLeader = try await client.send(
                .POST, "/api/v1/leader-duty/sessions", headers: staff,
                json: LeaderDutyService.SessionInput(
                    leaderId: try elsewhere.requireID().uuidString, divisionCode: "361102001001", heldOn: today, hall: "上滩头社区服务站",
                    matter: "开具证明", role: "asStaff", services: 2))
            #expect(foreignLeader.status == .notFound, "another county's leader")
            let township = try await Self.id("snleader", app)
            let session = try await client.send(
                .POST, "/api/v1/leader-duty/sessions", headers: staff,
                json: LeaderDutyService.SessionInput(
                    leaderId: township, divisionCode: "361102001001", heldOn: today, hall: "上滩头社区服务站", matter: "开具证明", role: "asStaff",
                    services: 2))
            #expect(session.status == .created, "\(session.body.string)")
            let sessionID = try session.json(Created.self).id
            let badProblem = try await client.send(
                .POST, "/api/v1/leader-duty/sessions/\(sessionID)/problems", headers: staff,
                json: LeaderDutyService.ProblemInput(description: "", ownerUnitId: "", deadline: "2020-01-01"))
            #expect(Set(try badProblem.problemFields()) == ["/description", "/ownerUnitId", "/deadline"])
            let cg = try await Self.unit("XZ-CG", app)
            let stolen = try await client.send(
                .POST, "/api/v1/leader-duty/sessions/\(sessionID)/problems", headers: other,
                json: LeaderDutyService.ProblemInput(description: "窗口排队时间长", ownerUnitId: cg, deadline: nil))
            #expect(stolen.status == .notFound, "another community's session")
            let county = try #require(try await DutySession.query(on: app.db).filter(\.$divisionCode == "361102").first())
            let above = try await client.send(
                .POST, "/api/v1/leader-duty/sessions/\(try county.requireID())/problems", headers: staff,
                json: LeaderDutyService.ProblemInput(description: "窗口排队时间长", ownerUnitId: cg, deadline: nil))
            #expect(above.status == .notFound, "the county's session lies above the community")
            let demoTask = try #require(try await DutyProblem.query(on: app.db).first())
            let foreignTask = try await client.send(
                .POST, "/api/v1/leader-duty/problems/\(try demoTask.requireID())/actions", headers: staff,
                json: LeaderDutyService.ActionInput(action: "rectify", rectification: "已整改完毕"))
            #expect(foreignTask.status == .notFound)
            let figures = try (try await client.send(.GET, "/api/v1/leader-duty/overview", headers: other)).json(LeaderDutyFigures.self)
            #expect(figures.sessions == 0 && figures.recent.isEmpty && figures.tasks.isEmpty)

            let page = TestClient(app: app)
            try await page.login("community")
            let form = try await page.send(.GET, "/leader-duty")
            let sent = try await page.send(
                .POST, "/leader-duty/sessions",
                form: ["_csrf": TestClient.csrfToken(in: form.body.string) ?? "", "leaderId": township, "hall": "上滩头社区服务站", "services": "很多"])
            #expect(sent.status == .unprocessableEntity)
            #expect(sent.body.string.contains("value=\"上滩头社区服务站\"") && sent.body.string.contains("陪办业务件数须为 1 到 200"))
        }
    }
}
