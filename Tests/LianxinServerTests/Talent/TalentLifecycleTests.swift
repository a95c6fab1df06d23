import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import LianxinCore
@testable import LianxinServer

@Suite("人才共享 lifecycle: demand → review → matches with reasons → agreement → approvals → running → ended → evaluations")
struct TalentLifecycleTests {
    struct Matches: Decodable {
        struct Candidate: Decodable {
            let profileID: String
            let score: Double
            let reasons: [String]
        }

        let candidates: [Candidate]
        let excluded: [String: Int]
    }

    @Test func item02_aSecondmentRunsFromDemandToEvaluationsAndMovesTheMap() async throws {
        try await withLianxin { app, client in
            let park = try await TalentPark.make(app, client)
            let best = try await park.person("王建国", org: park.sharerID)
            let half = try await park.person("赵磊", org: park.collegeID, skills: ["riveting"], phone: "13807930789")
            _ = try await park.person("周强", org: park.demanderID, phone: "13807930999")
            let demand = try await park.publishedDemand()

            let mapBefore = try await client.send(.GET, "/api/v1/talent/map?from=2026-07-01&to=2026-08-31", headers: park.centre)
            #expect(mapBefore.status == .ok, "\(mapBefore.body.string)")
            let before = try mapBefore.json(TalentMapFigures.self)
            let rivetingBefore = try #require(before.lines.first { $0.skill == "铆接装配" })
            #expect(rivetingBefore.supply == 3 && rivetingBefore.demand == 2 && rivetingBefore.shared == 0)

            let ranked = try await client.send(.GET, "/api/v1/talent/demands/\(demand)/matches", headers: park.centre)
            #expect(ranked.status == .ok, "\(ranked.body.string)")
            let matches = try ranked.json(Matches.self)
            #expect(matches.candidates.map(\.profileID) == [best.id.uuidString, half.id.uuidString])
            #expect(matches.candidates[0].reasons.contains { $0.contains("技能符合 2/2") })
            #expect(matches.candidates[0].reasons.contains { $0.contains("有效至 2027-12-31") })
            #expect(matches.excluded["本单位人员"] == 1, "the demanding enterprise's own worker is left out")

            let refused = try await client.send(
                .POST, "/api/v1/talent/agreements", headers: park.centre, json: TalentAgreementInput(demandID: demand.uuidString, profileID: "nope"))
            #expect(refused.status == .notFound)
            let proposed = try await client.send(
                .POST, "/api/v1/talent/agreements", headers: park.centre,
                json: TalentAgreementInput(demandID: demand.uuidString, profileID: best.id.uuidString, terms: "借调期间由需求方支付劳务费"))
            #expect(proposed.status == .created, "\(proposed.body.string)")
            let id = try #require(try proposed.json(TalentAgreementDTO.self).id)

            #expect(try await park.act(id, park.centre, "start").status == .conflict, "not before every party agreed")
            #expect(try await park.act(id, park.demander, "approve").status == .ok)
            #expect(try await park.act(id, park.demander, "approve").status == .conflict)
            #expect(try await park.act(id, park.sharer, "approve").status == .ok)
            #expect(try await park.act(id, park.centre, "approve", party: "person").status == .ok)
            #expect(try await park.act(id, park.demander, "start").status == .forbidden, "the centre starts and ends")
            #expect(try await park.act(id, park.centre, "start").status == .ok)

            let mapDuring = try await client.send(.GET, "/api/v1/talent/map?from=2026-07-01&to=2026-08-31", headers: park.centre)
            let riveting = try #require(try mapDuring.json(TalentMapFigures.self).lines.first { $0.skill == "铆接装配" })
            #expect(riveting.supply == 2 && riveting.shared == 1 && riveting.demand == 1, "one of the two heads is filled")

            #expect(try await park.act(id, park.centre, "end").status == .ok)
            let noScore = try await park.act(id, park.demander, "evaluate")
            #expect(noScore.status == .unprocessableEntity)
            #expect(try noScore.problemFields() == ["/score"])
            #expect(try await park.act(id, park.demander, "evaluate", score: 5).status == .ok)
            let last = try await park.act(id, park.sharer, "evaluate", score: 4)
            let ended = try last.json(TalentAgreementDTO.self)
            #expect(ended.status == "ended" && Set(ended.evaluations) == ["demandOrg", "homeOrg"])
            let events = try await TalentAgreementEvent.query(on: app.db).filter(\.$agreementID == id).sort(\.$at).all()
            #expect(events.map(\.action) == ["propose", "approve", "approve", "approve", "start", "end", "evaluate", "evaluate"])
            #expect(events.compactMap(\.score) == [5, 4])
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.talentAgreementChanged.rawValue).count()
            #expect(audited == 8)
        }
    }

    @Test func item01_badInputIsRefusedNamingEveryField() async throws {
        try await withLianxin { app, client in
            let park = try await TalentPark.make(app, client)
            let response = try await client.send(
                .POST, "/api/v1/talent/demands", headers: park.demander,
                json: TalentDemandInput(
                    post: "", skills: ["flying-carpet"], certificates: ["nope"], mode: "loan", startsOn: "2026-09-01", endsOn: "2026-08-01",
                    headcount: 0, place: "", payTerms: ""))
            #expect(response.status == .unprocessableEntity)
            #expect(
                Set(try response.problemFields()) == ["/post", "/skills", "/certificates", "/mode", "/endsOn", "/headcount", "/place", "/payTerms"])
            let demand = try await park.publishedDemand()
            let person = try await park.person("吴敏", org: nil)
            let project = try await client.send(
                .POST, "/api/v1/talent/demands", headers: park.demander,
                json: TalentDemandInput(
                    post: "旋翼工装改造", skills: ["riveting"], mode: "projectCooperation", startsOn: "2026-07-01", endsOn: "2026-07-31",
                    headcount: 1, place: "景德镇", payTerms: "按项目结算"))
            let projectID = try project.json(TalentPark.Created.self).id
            _ = try await client.send(
                .POST, "/api/v1/talent/demands/\(projectID)/review", headers: park.centre, json: TalentReviewInput(decision: "publish"))
            let noDeliverables = try await client.send(
                .POST, "/api/v1/talent/agreements", headers: park.centre,
                json: TalentAgreementInput(demandID: projectID.uuidString, profileID: person.id.uuidString))
            #expect(try noDeliverables.problemFields() == ["/deliverables"])
            let seekerSecondment = try await client.send(
                .POST, "/api/v1/talent/agreements", headers: park.centre,
                json: TalentAgreementInput(demandID: demand.uuidString, profileID: person.id.uuidString))
            #expect(try seekerSecondment.problemFields() == ["/mode"], "a job seeker has no employer to second them")
            #expect(try await TalentAgreementRow.query(on: app.db).count() == 0)
        }
    }

    @Test func item04_publicPageRegistersJobSeekersAndHoldsDemandsForReview() async throws {
        try await withLianxin { app, client in
            let park = try await TalentPark.make(app, client)
            let page = try await client.send(.GET, "/p/talent")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("求职者登记") && page.body.string.contains("铆接装配"))
            let csrf = try #require(TestClient.csrfToken(in: page.body.string))
            let bad = try await client.send(
                .POST, "/p/talent/register", form: ["_csrf": csrf, "name": "刘洋", "phone": "123", "pool": "graduate", "skills[]": "cnc-programming"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("value=\"刘洋\""), "what was typed is kept")
            #expect(bad.body.string.contains("请勾选同意共享"))
            let good = try await client.send(
                .POST, "/p/talent/register",
                form: [
                    "_csrf": csrf, "name": "刘洋", "phone": "13907931234", "pool": "graduate", "skills[]": "cnc-programming", "experienceYears": "0",
                    "availableFrom": "2026-07-01", "availableTo": "2026-12-31", "modes[]": "orderTraining", "consented": "on",
                ])
            #expect(good.status == .ok, "\(good.body.string.prefix(300))")
            #expect(good.body.string.contains("/p/talent/me?token="))
            #expect(try await TalentProfile.query(on: app.db).filter(\.$name == "刘洋").first()?.consented == true)

            let sent = try await client.send(
                .POST, "/p/talent/demand",
                form: [
                    "_csrf": csrf, "division": "361102", "orgName": "景德镇某航空配件厂", "contactName": "陈经理", "contactPhone": "13907935678", "post": "数控编程员",
                    "skills[]": "cnc-programming", "mode": "orderTraining", "startsOn": "2026-07-01", "endsOn": "2026-12-31", "headcount": "3",
                    "place": "高新区", "payTerms": "月薪六千",
                ])
            #expect(sent.status == .seeOther || sent.status == .found || sent.status == .movedPermanently, "\(sent.status)")
            let demand = try #require(try await TalentDemand.query(on: app.db).filter(\.$post == "数控编程员").first())
            #expect(demand.status == "pending" && demand.orgID == nil)
            let published = try await client.send(
                .POST, "/api/v1/talent/demands/\(demand.requireID())/review", headers: park.centre, json: TalentReviewInput(decision: "publish"))
            #expect(published.status == .ok)
            let linked = try #require(try await TalentDemand.find(demand.requireID(), on: app.db))
            let org = try #require(try await linked.orgID.asyncMap { try await TalentOrganisation.find($0, on: app.db) } ?? nil)
            #expect(org.name == "景德镇某航空配件厂")
        }
    }
}
