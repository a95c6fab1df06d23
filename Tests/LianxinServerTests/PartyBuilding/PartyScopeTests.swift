import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import LianxinCore
@testable import LianxinServer

@Suite("党员积分制 scope, roles and bad input: another community gets 404, every problem names its field, nothing half-written")
struct PartyScopeTests {
    @Test func anotherCommunitysStaffAndSecretarySeeNothingOfTheBranch() async throws {
        try await withLianxin(demo: true) { app, client in
            let village = try await PartyVillage.make(app, client)
            let chen = try await village.member("陈月秋")
            let rule = try await village.rule("dutyPerformance", "办结群众代办事项", points: 2)
            let entry = try await village.entry(chen, rule).json(PartyVillage.Created.self).id

            #expect(try await client.send(.GET, "/api/v1/party/members/\(chen)/ledger", headers: village.outsider).status == .notFound)
            #expect(try await client.send(.GET, "/api/v1/party/branches/\(village.branch)/ranking", headers: village.outsider).status == .notFound)
            #expect(try await village.decide(entry, "approve", as: village.outsiderSecretary).status == .notFound)
            #expect(try await client.send(.GET, "/party/members/\(chen)", headers: village.outsider).status == .notFound)
            let claim = try await client.send(
                .POST, "/api/v1/party/members/\(chen)/claims", headers: village.outsider, json: PartyClaimInput(postId: nil))
            #expect(claim.status == .notFound)
            let foreign = try await client.send(
                .POST, "/api/v1/party/entries", headers: village.outsider,
                json: PartyEntryInput(memberId: chen, ruleId: rule, occurredOn: "2026-09-01", evidence: "代办医保缴费三户"))
            #expect(foreign.status == .unprocessableEntity && foreign.body.string.contains("/memberId"))
            let foreignMember = try await client.send(
                .POST, "/api/v1/party/members", headers: village.outsider, json: PartyMemberInput(branchId: village.branch, name: "张三", kind: nil))
            #expect(foreignMember.status == .unprocessableEntity && foreignMember.body.string.contains("/branchId"))
            let overview = try await client.send(.GET, "/api/v1/party/overview", headers: village.outsider).json(PartyOverview.self)
            #expect(overview.branches == 0 && overview.members == 0 && overview.pendingEntries == 0)
            let queue = try await client.send(.GET, "/api/v1/party/entries", headers: village.outsiderSecretary).json([PartyEntryDTO].self)
            #expect(queue.isEmpty)
            let status = try await PartyPointsEntry.find(UUID(uuidString: entry), on: app.db)?.status
            #expect(status == "pending")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "scope.denied").count() >= 3)
        }
    }

    @Test func theAdministratorsAndLeadersOnlyReadOrNothing() async throws {
        try await withLianxin(demo: true) { app, client in
            let village = try await PartyVillage.make(app, client)
            let chen = try await village.member("陈月秋")
            #expect(try await client.send(.GET, "/api/v1/party/overview", headers: village.leader).status == .ok)
            #expect(try await client.send(.GET, "/api/v1/party/members/\(chen)/ledger", headers: village.leader).status == .ok)
            let write = try await client.send(
                .POST, "/api/v1/party/members", headers: village.leader, json: PartyMemberInput(branchId: village.branch, name: "张三", kind: nil))
            #expect(write.status == .forbidden)
            for role in ["admin", "securityAdmin", "auditor"] {
                let headers = try await PartyVillage.bearer("party-\(role)", role: role, division: "3611", app)
                #expect(try await client.send(.GET, "/api/v1/party/overview", headers: headers).status == .forbidden, "\(role)")
            }
            #expect(!Role.branchSecretary.isAdministrator)
            #expect(Permission.approvePartyPoints.roles == [.branchSecretary])
        }
    }

    @Test func badInputIsRefusedNamingEachFieldAndWritesNothing() async throws {
        try await withLianxin(demo: true) { app, client in
            let village = try await PartyVillage.make(app, client)
            let chen = try await village.member("陈月秋")
            let rule = try await village.rule("lawAbiding", "参与普法宣传", points: 2)
            let branch = try await client.send(
                .POST, "/api/v1/party/branches", headers: village.staff, json: PartyBranchInput(name: " ", secretaryName: nil, divisionCode: "99"))
            #expect(branch.status == .unprocessableEntity)
            for field in ["/name", "/secretaryName", "/divisionCode"] { #expect(branch.body.string.contains(field), "\(field)") }
            let badRule = try await client.send(
                .POST, "/api/v1/party/rules", headers: village.secretary,
                json: PartyRuleInput(dimension: "charm", label: "x", points: 0, yearlyCap: 500, divisionCode: nil))
            for field in ["/dimension", "/label", "/points"] { #expect(badRule.body.string.contains(field), "\(field)") }
            let badScheme = try await client.send(
                .PUT, "/api/v1/party/scheme", headers: village.secretary,
                json: PartySchemeInput(divisionCode: nil, basePoints: 60, dimensionCap: 10, starThresholds: [60, 70, 80, 90]))
            #expect(badScheme.status == .unprocessableEntity && badScheme.body.string.contains("/starThresholds"))
            let future = try await village.entry(chen, rule, day: "2026-12-01", evidence: "短")
            #expect(future.status == .unprocessableEntity)
            for field in ["/occurredOn", "/evidence"] { #expect(future.body.string.contains(field), "\(field)") }
            let unknownRule = try await village.entry(chen, UUID().uuidString)
            #expect(unknownRule.status == .unprocessableEntity && unknownRule.body.string.contains("/ruleId"))
            let badYear = try await client.send(.GET, "/api/v1/party/overview?year=abc", headers: village.leader)
            #expect(badYear.status == .unprocessableEntity && badYear.body.string.contains("/year"))
            let badDecision = try await village.decide(UUID().uuidString, "approve")
            #expect(badDecision.status == .notFound)
            #expect(try await PartyBranch.query(on: app.db).filter(\.$divisionCode == "361102001001").count() == 1)
            #expect(try await PartyPointsRuleRecord.query(on: app.db).filter(\.$divisionCode == "361102001001").count() == 1)
            #expect(try await PartyPointsEntry.query(on: app.db).filter(\.$divisionCode == "361102001001").count() == 0)
            #expect(try await PartyPointsSchemeRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func aRefusedPageFormComesBackWithItsProblemBesideTheFieldAndWhatWasTyped() async throws {
        try await withLianxin(demo: true) { app, client in
            let village = try await PartyVillage.make(app, client)
            let chen = try await village.member("陈月秋")
            _ = try await village.rule("volunteerService", "参加志愿服务一次", points: 3)
            let page = TestClient(app: app)
            try await page.login("community")
            let csrf = try await page.csrf()
            let sent = try await page.send(
                .POST, "/party/entries",
                form: ["_csrf": csrf, "memberId": chen, "ruleId": "", "occurredOn": "2026-09-01", "evidence": "帮助独居老人代办社保认证"])
            #expect(sent.status == .unprocessableEntity)
            #expect(sent.body.string.contains("帮助独居老人代办社保认证"), "what was typed is kept")
            #expect(sent.body.string.contains("field-error"))
            let shown = try await page.send(.GET, "/party")
            #expect(shown.status == .ok && shown.body.string.contains("上滩头社区党支部"))
        }
    }
}
