import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import LianxinCore
@testable import LianxinServer

@Suite("党员积分制: posts claimed, entries with evidence approved by the branch secretary, ledger, stars, ranking, overview")
struct PartyPointsFlowTests {
    @Test func entriesCountOnceTheSecretaryApprovesThemAndTheRankingFollows() async throws {
        try await withLianxin(demo: true) { app, client in
            let village = try await PartyVillage.make(app, client)
            let chen = try await village.member("陈月秋")
            let wang = try await village.member("王建华")
            let activist = try await village.member("刘晓", kind: "activist")
            let service = try await village.rule("volunteerService", "参加志愿服务一次", points: 3, cap: 9)
            let absence = try await village.rule("organisationDiscipline", "无故缺席组织生活", points: -5)

            let post = try await client.send(
                .POST, "/api/v1/party/posts", headers: village.staff, json: PartyPostInput(name: "维护稳定岗", duty: "调处矛盾纠纷", divisionCode: nil))
            #expect(post.status == .created, "\(post.body.string)")
            let postID = try post.json(PartyVillage.Created.self).id
            #expect(
                try await client.send(.POST, "/api/v1/party/members/\(chen)/claims", headers: village.staff, json: PartyClaimInput(postId: postID))
                    .status == .created)
            let again = try await client.send(
                .POST, "/api/v1/party/members/\(chen)/claims", headers: village.staff, json: PartyClaimInput(postId: postID))
            #expect(again.status == .conflict && again.body.string.contains("/postId"))

            var ids: [String] = []
            for _ in 0..<4 {
                let recorded = try await village.entry(chen, service)
                #expect(recorded.status == .created, "\(recorded.body.string)")
                #expect(try recorded.json(PartyVillage.Created.self).status == "pending")
                ids.append(try recorded.json(PartyVillage.Created.self).id)
            }
            let deduction = try await village.entry(wang, absence, evidence: "九月主题党日无故缺席")
            let pendingLedger = try await client.send(.GET, "/api/v1/party/members/\(chen)/ledger?year=2026", headers: village.staff)
            #expect(try pendingLedger.json(PartyLedgerDTO.self).total == 60, "pending entries do not count")

            // Community staff record; only the branch secretary decides.
            #expect(try await village.decide(ids[0], "approve", as: village.staff).status == .forbidden)
            for id in ids { #expect(try await village.decide(id, "approve").status == .ok) }
            let twice = try await village.decide(ids[0], "reject", note: "重复")
            #expect(twice.status == .conflict)
            let noReason = try await village.decide(try deduction.json(PartyVillage.Created.self).id, "reject", note: "")
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("/note"))
            #expect(try await village.decide(try deduction.json(PartyVillage.Created.self).id, "approve").status == .ok)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.partyPointsDecided.rawValue).count()
            #expect(audited == 5)

            let ledger = try await client.send(.GET, "/api/v1/party/members/\(chen)/ledger?year=2026", headers: village.staff).json(
                PartyLedgerDTO.self)
            #expect(ledger.basePoints == 60)
            #expect(ledger.dimensions.first { $0.dimension == "volunteerService" }?.points == 9, "four sessions of 3, the rule capped at 9")
            #expect(ledger.total == 69 && ledger.stars == 2)
            #expect(ledger.posts == ["维护稳定岗"])
            #expect(ledger.entries.count == 4 && ledger.entries.allSatisfy { $0.status == "approved" })

            let ranking = try await client.send(.GET, "/api/v1/party/branches/\(village.branch)/ranking?year=2026", headers: village.secretary)
                .json(PartyRankingDTO.self)
            #expect(ranking.places.map(\.name) == ["陈月秋", "刘晓", "王建华"])
            #expect(ranking.places.map(\.total) == [69, 60, 55])
            #expect(ranking.places.map(\.rank) == [1, 2, 3])
            _ = activist

            let overview = try await client.send(.GET, "/api/v1/party/overview?year=2026", headers: village.staff).json(PartyOverview.self)
            #expect(overview.branches == 1 && overview.members == 2 && overview.activists == 1)
            #expect(overview.claimedMembers == 1 && overview.pendingEntries == 0)
            #expect(overview.approvedPoints == 4 * 3 - 5)
            #expect(overview.months[8].entries == 5, "September's approved entries")
            #expect(overview.divisions.map(\.divisionCode) == ["361102001001"])
            #expect(overview.stars == [1, 2, 0, 0, 0])
        }
    }

    @Test func householdsLinkedThroughThePairingsCountOnTheLedger() async throws {
        try await withLianxin(demo: true) { app, client in
            let village = try await PartyVillage.make(app, client)
            let chen = try await village.member("陈月秋")
            let households = try await Household.query(on: app.db).filter(\.$communityCode == "361102001001").sort(\.$door).limit(10).all()
            let paired = try await client.send(
                .POST, "/api/v1/pairings", headers: village.staff,
                json: PairingsController.PairingInput(
                    kind: "partyMember", personName: "陈月秋", personId: UUID(uuidString: chen), targets: households.compactMap { $0.id?.uuidString }))
            #expect(paired.status == .created, "\(paired.body.string)")
            let ledger = try await client.send(.GET, "/api/v1/party/members/\(chen)/ledger", headers: village.staff).json(PartyLedgerDTO.self)
            #expect(ledger.households == households.count)
            #expect(ledger.householdLoad == HouseholdLinkLoad(count: households.count).rawValue)
        }
    }

    @Test func theSchemeIsDataAndChangesTheStars() async throws {
        try await withLianxin(demo: true) { app, client in
            let village = try await PartyVillage.make(app, client)
            let chen = try await village.member("陈月秋")
            let set = try await client.send(
                .PUT, "/api/v1/party/scheme", headers: village.secretary,
                json: PartySchemeInput(divisionCode: "361102001001", basePoints: 80, dimensionCap: 10, starThresholds: [100, 90, 80, 70]))
            #expect(set.status == .ok, "\(set.body.string)")
            let ledger = try await client.send(.GET, "/api/v1/party/members/\(chen)/ledger", headers: village.staff).json(PartyLedgerDTO.self)
            #expect(ledger.basePoints == 80 && ledger.stars == 3)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.partyRulesChanged.rawValue).count() == 1)
        }
    }
}
