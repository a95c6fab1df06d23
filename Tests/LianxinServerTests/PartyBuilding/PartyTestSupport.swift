import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer

/// A village of the demo city (上滩头社区) with a branch, its secretary and community staff, and staff of another
/// community (361102002001) who must see none of it; every account signs in with a bearer token.
struct PartyVillage {
    let app: Application
    let client: TestClient
    let staff: HTTPHeaders
    let secretary: HTTPHeaders
    let outsider: HTTPHeaders
    let outsiderSecretary: HTTPHeaders
    let leader: HTTPHeaders
    let branch: String

    struct Created: Decodable {
        let id: String
        let status: String?
    }

    static func bearer(_ username: String, role: String, division: String, _ app: Application) async throws -> HTTPHeaders {
        let user = try await makeAccount(username, app, role: role, division: division)
        let token = try await AccountService(application: app, database: app.db).issueToken(for: user, name: "t", actor: .commandLine)
        return ["Authorization": "Bearer \(token)"]
    }

    static func make(_ app: Application, _ client: TestClient) async throws -> PartyVillage {
        let staff = try await bearer("cs-party", role: "communityStaff", division: "361102001001", app)
        let branch = try await client.send(
            .POST, "/api/v1/party/branches", headers: staff,
            json: PartyBranchInput(name: "上滩头社区党支部", secretaryName: "陈月秋", divisionCode: "361102001001"))
        #expect(branch.status == .created, "\(branch.body.string)")
        return PartyVillage(
            app: app, client: client, staff: staff,
            secretary: try await bearer("sec-party", role: "branchSecretary", division: "361102001001", app),
            outsider: try await bearer("cs-other", role: "communityStaff", division: "361102002001", app),
            outsiderSecretary: try await bearer("sec-other", role: "branchSecretary", division: "361102002001", app),
            leader: try await bearer("leader-party", role: "leader", division: "3611", app), branch: try branch.json(Created.self).id)
    }

    func member(_ name: String, kind: String = "member") async throws -> String {
        let response = try await client.send(
            .POST, "/api/v1/party/members", headers: staff, json: PartyMemberInput(branchId: branch, name: name, kind: kind))
        #expect(response.status == .created, "\(response.body.string)")
        return try response.json(Created.self).id
    }

    func rule(_ dimension: String, _ label: String, points: Int, cap: Int = 0) async throws -> String {
        let response = try await client.send(
            .POST, "/api/v1/party/rules", headers: secretary,
            json: PartyRuleInput(dimension: dimension, label: label, points: points, yearlyCap: cap, divisionCode: "361102001001"))
        #expect(response.status == .created, "\(response.body.string)")
        return try response.json(Created.self).id
    }

    func entry(_ member: String, _ rule: String, day: String = "2026-09-10", evidence: String = "参加网格巡查并上报隐患两处") async throws -> TestingHTTPResponse {
        try await client.send(
            .POST, "/api/v1/party/entries", headers: staff, json: PartyEntryInput(memberId: member, ruleId: rule, occurredOn: day, evidence: evidence)
        )
    }

    func decide(_ entry: String, _ decision: String, note: String? = nil, as headers: HTTPHeaders? = nil) async throws -> TestingHTTPResponse {
        try await client.send(
            .POST, "/api/v1/party/entries/\(entry)/decision", headers: headers ?? secretary, json: PartyDecisionInput(decision: decision, note: note))
    }
}
