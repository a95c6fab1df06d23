import Fluent
import Foundation
import LianxinCore
import Testing
import Vapor
import VaporTesting

@testable import LianxinServer

/// 义务监督员 through the API and the page, on both engines: a village registers an old-community renovation with its
/// responsible unit, attaches a 银发监督队 volunteer (phone sealed, shown masked), records an inspection with a
/// finding; the unit answers it; bad input named field by field; another village's staff and another unit get 404.
@Suite("义务监督员: projects, volunteer supervisors, inspections and the unit's answers; scope and bad input")
struct SupervisionTests {
    struct Created: Decodable {
        let id: String
        let status: String?
    }

    static func unitBearer(_ name: String, _ unit: String, _ app: Application) async throws -> HTTPHeaders {
        let service = AccountService(application: app, database: app.db)
        let user = try await service.create(
            .init(
                username: name, displayName: name, password: "Str0ng@2026-pw", role: "departmentHandler", divisionCode: "361102",
                departmentCode: unit), by: nil, actor: .commandLine)
        return ["Authorization": "Bearer \(try await service.issueToken(for: user, name: "t", actor: .commandLine))"]
    }

    @Test func aVolunteersFindingIsAnsweredByTheResponsibleUnit() async throws {
        try await withLianxin(demo: true) { app, client in
            let staff = try await PartyVillage.bearer("cs-pj", role: "communityStaff", division: "361102001001", app)
            let other = try await PartyVillage.bearer("cs-pj-other", role: "communityStaff", division: "361102001003", app)
            let unit = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-ZJ").first())
            let today = LocalDate(app.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
            let before = try await SupervisedProject.query(on: app.db).count()

            let bad = try await client.send(
                .POST, "/api/v1/oversight/projects", headers: staff,
                json: ["divisionCode": "", "name": "", "departmentId": "nope", "startsOn": "2026-09-01", "endsOn": "2026-01-01", "budget": "三百万"])
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.problemFields()) == ["/divisionCode", "/name", "/departmentId", "/endsOn", "/budget"])
            #expect(try await SupervisedProject.query(on: app.db).count() == before)
            let created = try await client.send(
                .POST, "/api/v1/oversight/projects", headers: staff,
                json: [
                    "divisionCode": "361102001001", "name": "上滩头社区老旧小区改造（二期）", "departmentId": try unit.requireID().uuidString,
                    "startsOn": today.description, "endsOn": today.adding(days: 90).description, "budget": "1200000",
                ])
            #expect(created.status == .created, "\(created.body.string)")
            let project = try created.json(Created.self).id

            let badVolunteer = try await client.send(
                .POST, "/api/v1/oversight/projects/\(project)/volunteers", headers: staff, json: ["name": "", "phone": "123", "team": ""])
            #expect(Set(try badVolunteer.problemFields()) == ["/name", "/phone", "/team"])
            let volunteer = try await client.send(
                .POST, "/api/v1/oversight/projects/\(project)/volunteers", headers: staff,
                json: ["name": "王秀英", "phone": "13907935509", "team": "上滩头社区银发监督队"])
            #expect(volunteer.status == .created)
            let volunteerID = try volunteer.json(Created.self).id
            #expect(
                try await client.send(
                    .POST, "/api/v1/oversight/projects/\(project)/volunteers", headers: other,
                    json: ["name": "李四", "phone": "13907935508", "team": "银发监督队"]
                ).status == .notFound, "another village's project")

            let inspection = try await client.send(
                .POST, "/api/v1/oversight/projects/\(project)/inspections", headers: staff,
                json: ["volunteerId": volunteerID, "findings": "主干道施工后未恢复路面，雨天积水", "problem": "true"])
            #expect(try inspection.json(Created.self).status == "open")
            let inspectionID = try inspection.json(Created.self).id

            // The responsible unit answers; another unit cannot even see it.
            let unitHeaders = try await Self.unitBearer("zj-pj", "XZ-ZJ", app)
            let otherUnit = try await Self.unitBearer("cg-pj", "XZ-CG", app)
            let wrongUnit = try await client.send(
                .POST, "/api/v1/oversight/inspections/\(inspectionID)/answer", headers: otherUnit,
                json: ["answer": "不是我们的项目"])
            #expect(wrongUnit.status == .notFound)
            let empty = try await client.send(
                .POST, "/api/v1/oversight/inspections/\(inspectionID)/answer", headers: unitHeaders, json: ["answer": ""])
            #expect(Set(try empty.problemFields()) == ["/answer"])
            let answered = try await client.send(
                .POST, "/api/v1/oversight/inspections/\(inspectionID)/answer", headers: unitHeaders, json: ["answer": "已安排三日内恢复路面并疏通排水"])
            #expect(try answered.json(Created.self).status == "answered")

            let leader = try await PartyVillage.bearer("leader-pj", role: "leader", division: "361102", app)
            let figures = try await client.send(.GET, "/api/v1/oversight/projects", headers: leader).json(SupervisionFigures.self)
            let line = try #require(figures.list.first { $0.id == project })
            #expect(line.unit == "信州区住房和城乡建设局" && line.budget == "1,200,000" && line.open == 0)
            #expect(line.volunteers.first?.phone != "13907935509" && line.volunteers.first?.phone.hasSuffix("5509") == true)
            #expect(line.inspections.first?.statusCode == "answered")
            let theirs = try await client.send(.GET, "/api/v1/oversight/projects", headers: other).json(SupervisionFigures.self)
            #expect(theirs.list.allSatisfy { $0.id != project })
            let unitView = try await client.send(.GET, "/api/v1/oversight/projects", headers: otherUnit)
            #expect(try unitView.json(SupervisionFigures.self).list.allSatisfy { $0.id != project }, "another unit sees none of this unit's projects")

            let page = TestClient(app: app)
            try await page.login("community")
            let html = try await page.send(.GET, "/oversight/projects")
            #expect(html.status == .ok && html.body.string.contains("上滩头社区老旧小区改造（二期）") && !html.body.string.contains("13907935509"))
            let csrf = try #require(TestClient.csrfToken(in: html.body.string))
            let refused = try await page.send(.POST, "/oversight/projects", form: ["_csrf": csrf, "name": "背街小巷改造", "budget": "很多"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("pj-budget-error") && refused.body.string.contains("pj-unit-error"))
            #expect(refused.body.string.contains("value=\"背街小巷改造\""))
        }
    }
}
