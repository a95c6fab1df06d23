import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import LianxinCore
@testable import LianxinServer

/// 农耕地互助 through the API and the page: fields recorded household by household, a team formed, a request at
/// transplanting time taken on by the team and done with the days each neighbour gave; the figures and the balances;
/// bad input named field by field; another village's staff get 404.
@Suite("农耕地互助: fields, a team, a request assigned and done, days exchanged per household; scope and bad input")
struct FarmAidTests {
    struct Created: Decodable {
        let id: String
        let status: String?
    }

    @Test func aRequestIsTakenOnByTheTeamAndTheDaysAreKept() async throws {
        try await withLianxin(demo: true) { app, client in
            let staff = try await PartyVillage.bearer("cs-farm", role: "communityStaff", division: "361102001001", app)
            let leader = try await PartyVillage.bearer("leader-farm", role: "leader", division: "361102", app)
            let households = try await Household.query(on: app.db).filter(\.$communityCode == "361102001001").sort(\.$door).limit(4).all()
            #expect(households.count == 4)
            let (host, helperA, helperB) = (try households[0].requireID(), try households[1].requireID(), try households[2].requireID())
            let field = try await client.send(
                .POST, "/api/v1/farm-aid/fields", headers: staff,
                json: FarmAidService.FieldInput(householdId: host.uuidString, name: "屋后田", area: "3", crop: "rice", labourShort: true))
            #expect(field.status == .created, "\(field.body.string)")
            let fieldID = try field.json(Created.self).id
            let team = try await client.send(
                .POST, "/api/v1/farm-aid/teams", headers: staff,
                json: FarmAidService.TeamInput(name: "第一互助队", leader: "章吉仙", householdIds: [helperA.uuidString, helperB.uuidString]))
            #expect(team.status == .created, "\(team.body.string)")
            let teamID = try team.json(Created.self).id
            let today = LocalDate(app.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
            let filed = try await client.send(
                .POST, "/api/v1/farm-aid/requests", headers: staff,
                json: FarmAidService.RequestInput(fieldId: fieldID, task: "transplanting", wantedOn: today.adding(days: 3).description, days: "4"))
            #expect(filed.status == .created, "\(filed.body.string)")
            let request = try filed.json(Created.self).id
            let early = try await client.send(
                .POST, "/api/v1/farm-aid/requests/\(request)/actions", headers: staff,
                json: FarmAidService.ActionInput(action: "complete", teamId: nil, helpers: []))
            #expect(early.status == .conflict, "no work done before a team takes it on")
            let assigned = try await client.send(
                .POST, "/api/v1/farm-aid/requests/\(request)/actions", headers: staff,
                json: FarmAidService.ActionInput(action: "assign", teamId: teamID, helpers: nil))
            #expect(try assigned.json(Created.self).status == "assigned")
            let selfHelp = try await client.send(
                .POST, "/api/v1/farm-aid/requests/\(request)/actions", headers: staff,
                json: FarmAidService.ActionInput(action: "complete", teamId: nil, helpers: [.init(householdId: host.uuidString, days: "1")]))
            let selfHelpFields = try selfHelp.problemFields()
            #expect(selfHelp.status == .unprocessableEntity && selfHelpFields == ["/helpers/0/householdId"])
            let done = try await client.send(
                .POST, "/api/v1/farm-aid/requests/\(request)/actions", headers: staff,
                json: FarmAidService.ActionInput(
                    action: "complete", teamId: nil,
                    helpers: [.init(householdId: helperA.uuidString, days: "1.5"), .init(householdId: helperB.uuidString, days: "2")]))
            #expect(try done.json(Created.self).status == "done", "\(done.body.string)")

            let figures = try (try await client.send(.GET, "/api/v1/farm-aid/overview", headers: leader)).json(FarmAidFigures.self)
            #expect(figures.households == 1 && figures.area == "3" && figures.labourShort == 1 && figures.teams == 1)
            #expect(figures.requests == 1 && figures.done == 1 && figures.daysExchanged == "3.5" && figures.waiting.isEmpty)
            #expect(figures.villages.first?.name == "上滩头社区居民委员会")
            let hostLine = try #require(figures.balances.first { $0.household == households[0].address })
            #expect(hostLine.received == "3.5" && hostLine.balance == "−3.5")
            #expect(figures.balances.first?.balance == "+2", "who gave most comes first")

            let page = TestClient(app: app)
            try await page.login("community")
            let html = try await page.send(.GET, "/farm-aid")
            #expect(html.status == .ok && html.body.string.contains("屋后田") && html.body.string.contains("id=\"farm-days\">3.5<"), "\(html.status)")
        }
    }

    @Test func badInputIsNamedAndAnotherVillageSeesNothing() async throws {
        try await withLianxin(demo: true) { app, client in
            let staff = try await PartyVillage.bearer("cs-farm", role: "communityStaff", division: "361102001001", app)
            let other = try await PartyVillage.bearer("cs-farm-other", role: "communityStaff", division: "361102002001", app)
            let household = try #require(try await Household.query(on: app.db).filter(\.$communityCode == "361102001001").first())
            let bad = try await client.send(
                .POST, "/api/v1/farm-aid/fields", headers: staff,
                json: FarmAidService.FieldInput(householdId: "", name: "", area: "三亩", crop: "opium", labourShort: nil))
            #expect(Set(try bad.problemFields()) == ["/householdId", "/name", "/area", "/crop"])
            #expect(try await FarmField.query(on: app.db).count() == 0)
            let theirs = try await client.send(
                .POST, "/api/v1/farm-aid/fields", headers: other,
                json: FarmAidService.FieldInput(householdId: try household.requireID().uuidString, name: "田", area: "1", crop: "rice"))
            #expect(theirs.status == .notFound, "another village's household")
            let field = try await client.send(
                .POST, "/api/v1/farm-aid/fields", headers: staff,
                json: FarmAidService.FieldInput(householdId: try household.requireID().uuidString, name: "田", area: "1", crop: "rice"))
            let fieldID = try field.json(Created.self).id
            let badRequest = try await client.send(
                .POST, "/api/v1/farm-aid/requests", headers: staff,
                json: FarmAidService.RequestInput(fieldId: fieldID, task: "dancing", wantedOn: "2020-01-01", days: "0"))
            #expect(Set(try badRequest.problemFields()) == ["/task", "/wantedOn", "/days"])
            let stolen = try await client.send(
                .POST, "/api/v1/farm-aid/requests", headers: other,
                json: FarmAidService.RequestInput(fieldId: fieldID, task: "tilling", wantedOn: nil, days: "1"))
            #expect(stolen.status == .notFound)
            let figures = try (try await client.send(.GET, "/api/v1/farm-aid/overview", headers: other)).json(FarmAidFigures.self)
            #expect(figures.fields == 0 && figures.villages.isEmpty)
        }
    }
}
