import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import LianxinCore
@testable import LianxinServer

@Suite("新就业群体 in the grid: riders registered with sealed phones, their snapshot reports counted, stages, the subsidy's notice; scope")
struct NewEmploymentTests {
    typealias Created = NewEmploymentController.Created
    static let phone = "13907935501"

    func register(_ client: TestClient, _ headers: HTTPHeaders, since: String = "2025-03-01") async throws -> TestingHTTPResponse {
        try await client.send(
            .POST, "/api/v1/new-employment/workers", headers: headers,
            json: NewEmploymentService.WorkerInput(
                name: "郭月根", phone: Self.phone, platform: "meituan", station: "虔新驿站", team: "红骑士", tradeSince: since, divisionCode: nil))
    }

    @Test func aRidersReportsAreCountedAndHeGrowsAndGetsTheSubsidyAfterTheNotice() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, client in
            let staff = try await PartyVillage.bearer("cs-ne", role: "communityStaff", division: "361102001001", app)
            let registered = try await register(client, staff)
            #expect(registered.status == .created, "\(registered.body.string)")
            let worker = try registered.json(Created.self).id
            let row = try #require(try await NewEmploymentWorker.find(UUID(uuidString: worker), on: app.db))
            #expect(!String(decoding: row.phoneCipher, as: UTF8.self).contains(Self.phone), "sealed at rest")
            #expect(try await register(client, staff).status == .conflict)

            let early = try await client.send(
                .POST, "/api/v1/new-employment/workers/\(worker)/stage", headers: staff,
                json: NewEmploymentService.StageInput(stage: "partTimeGridMember"))
            #expect(early.status == .unprocessableEntity && early.body.string.contains("/stage"), "no reports yet")

            let operatorClient = TestClient(app: app)
            try await operatorClient.login("operator")
            let csrf = try await operatorClient.csrf()
            for index in 0..<10 {
                let filed = try await operatorClient.send(
                    .POST, "/api/v1/work-orders", headers: ["X-CSRF-Token": csrf],
                    json: NewWorkOrder(
                        title: "井盖破损\(index)", description: "北桥外社区 3 栋路面井盖破损，已拍照上报。", categoryCode: "0601", channel: "miniProgram",
                        divisionCode: "361102001001", latitude: 28.4545, longitude: 117.9433, requesterPhone: Self.phone))
                #expect(filed.status == .created, "\(filed.body.string)")
            }
            let promoted = try await client.send(
                .POST, "/api/v1/new-employment/workers/\(worker)/stage", headers: staff,
                json: NewEmploymentService.StageInput(stage: "partTimeGridMember"))
            #expect(promoted.status == .ok, "\(promoted.body.string)")
            let figures = try await client.send(.GET, "/api/v1/new-employment/overview", headers: staff).json(NewEmploymentFigures.self)
            #expect(figures.workers == 1 && figures.gridMembers == 1 && figures.reports == 10)
            #expect(figures.teams.first?.key == "红骑士" && figures.teams.first?.reports == 10)
            #expect(figures.list.first?.phone == PersonalDataMask.phone(Self.phone), "masked")
            #expect(try await GrowthStageChange.query(on: app.db).count() == 1)

            let noDiploma = try await client.send(
                .POST, "/api/v1/new-employment/subsidies", headers: staff,
                json: NewEmploymentService.SubsidyInput(workerId: worker, college: "赣州职业技术学院", programme: "物流管理", fees: 6500, diplomaOn: "2027-06-30")
            )
            #expect(noDiploma.status == .unprocessableEntity && noDiploma.body.string.contains("/diplomaOn"))
            let applied = try await client.send(
                .POST, "/api/v1/new-employment/subsidies", headers: staff,
                json: NewEmploymentService.SubsidyInput(workerId: worker, college: "赣州职业技术学院", programme: "物流管理", fees: 6500, diplomaOn: "2026-06-30")
            )
            #expect(applied.status == .created, "\(applied.body.string)")
            let id = try applied.json(Created.self).id
            let act = { (action: String) in
                try await client.send(
                    .POST, "/api/v1/new-employment/subsidies/\(id)/actions", headers: staff,
                    json: NewEmploymentService.ActionInput(action: action, note: nil))
            }
            #expect(try await act("publish").status == .ok)
            #expect(try await act("approve").status == .conflict, "the notice runs five days")
            clock.advance(5 * 86_400)
            #expect(try await act("approve").json(Created.self).status == "approved")
            let row2 = try #require(try await TuitionApplication.find(UUID(uuidString: id), on: app.db))
            #expect(row2.amountFen == 520_000)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.subsidyDecided.rawValue).count() == 2, "publish and approve")
        }
    }

    @Test func anotherCommunityGetsNothingAndAYoungRiderCannotApply() async throws {
        try await withLianxin(demo: true) { app, client in
            let staff = try await PartyVillage.bearer("cs-ne", role: "communityStaff", division: "361102001001", app)
            let outsider = try await PartyVillage.bearer("cs-ne2", role: "communityStaff", division: "361102002001", app)
            let worker = try await register(client, staff, since: "2026-05-01").json(Created.self).id
            let moved = try await client.send(
                .POST, "/api/v1/new-employment/workers/\(worker)/stage", headers: outsider,
                json: NewEmploymentService.StageInput(stage: "partTimeGridMember"))
            #expect(moved.status == .notFound)
            let foreign = try await client.send(
                .POST, "/api/v1/new-employment/subsidies", headers: outsider,
                json: NewEmploymentService.SubsidyInput(workerId: worker, college: "赣州职业技术学院", programme: "物流管理", fees: 6500, diplomaOn: "2026-06-30")
            )
            #expect(foreign.status == .unprocessableEntity && foreign.body.string.contains("/workerId"))
            #expect(try await client.send(.GET, "/api/v1/new-employment/overview", headers: outsider).json(NewEmploymentFigures.self).workers == 0)
            let young = try await client.send(
                .POST, "/api/v1/new-employment/subsidies", headers: staff,
                json: NewEmploymentService.SubsidyInput(workerId: worker, college: "", programme: "物流管理", fees: 0, diplomaOn: "2026-06-30"))
            #expect(young.status == .unprocessableEntity)
            for field in ["/workerId", "/college", "/fees"] { #expect(young.body.string.contains(field), "\(field)") }
            let bad = try await client.send(
                .POST, "/api/v1/new-employment/workers", headers: staff,
                json: NewEmploymentService.WorkerInput(
                    name: "", phone: "123", platform: "uber", station: "", team: nil, tradeSince: "2030-01-01", divisionCode: nil))
            for field in ["/name", "/phone", "/platform", "/station", "/tradeSince"] { #expect(bad.body.string.contains(field), "\(field)") }
            #expect(try await NewEmploymentWorker.query(on: app.db).count() == 1)
            #expect(try await TuitionApplication.query(on: app.db).count() == 0)
            let leader = try await PartyVillage.bearer("leader-ne", role: "leader", division: "3611", app)
            #expect(try await client.send(.GET, "/api/v1/new-employment/overview", headers: leader).status == .ok)
            #expect(try await register(client, leader).status == .forbidden)
        }
    }
}
