import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer

/// A park with the centre, the seed's two enterprises and a college: accounts with bearer tokens,
/// organisations, contacts and two people of 江西直升机有限公司 (one not consenting).
struct TalentPark {
    let app: Application
    let client: TestClient
    let centre: HTTPHeaders
    let sharer: HTTPHeaders
    let demander: HTTPHeaders
    let college: HTTPHeaders
    let sharerID: UUID
    let demanderID: UUID
    let collegeID: UUID

    struct Created: Decodable {
        let id: UUID
        let status: String?
        let ownToken: String?
    }

    static func bearer(_ username: String, role: String, _ app: Application) async throws -> HTTPHeaders {
        let user = try await makeAccount(username, app, role: role, division: "361102")
        let token = try await AccountService(application: app, database: app.db).issueToken(for: user, name: "t", actor: .commandLine)
        return ["Authorization": "Bearer \(token)"]
    }

    static func make(_ app: Application, _ client: TestClient) async throws -> TalentPark {
        let centre = try await bearer("centre", role: "talentCentre", app)
        let sharer = try await bearer("jxhc", role: "enterpriseContact", app)
        let demander = try await bearer("szlh", role: "enterpriseContact", app)
        let college = try await bearer("nchu", role: "enterpriseContact", app)
        var ids: [UUID] = []
        for (name, kind, member) in [
            ("江西直升机有限公司", "enterprise", "jxhc"), ("江西神州六合直升机有限责任公司", "enterprise", "szlh"), ("航空制造产业学院", "college", "nchu"),
        ] {
            let response = try await client.send(
                .POST, "/api/v1/talent/organisations", headers: centre,
                json: TalentOrganisationInput(
                    name: name, kind: kind, shares: true, demands: true, division: "361102", contactName: "联络员", contactPhone: "13907930001"))
            #expect(response.status == .created, "\(response.body.string)")
            let id = try response.json(Created.self).id
            let added = try await client.send(
                .POST, "/api/v1/talent/organisations/\(id)/members", headers: centre, json: TalentMemberInput(username: member))
            #expect(added.status == .noContent, "\(added.body.string)")
            ids.append(id)
        }
        return TalentPark(
            app: app, client: client, centre: centre, sharer: sharer, demander: demander, college: college, sharerID: ids[0],
            demanderID: ids[1], collegeID: ids[2])
    }

    /// A person of `org` (by the centre) with riveting and final assembly, free in 2026-07/08.
    func person(
        _ name: String, org: UUID?, consented: Bool = true, skills: [String] = ["riveting", "final-assembly"], phone: String = "13807930123"
    ) async throws -> Created {
        let response = try await client.send(
            .POST, "/api/v1/talent/profiles", headers: centre,
            json: TalentProfileInput(
                name: name, pool: "craftsman", homeOrgID: org?.uuidString, division: "361102", phone: phone, idNumber: nil, skills: skills,
                certificates: ["caac-license:2027-12-31"], experienceYears: 8, experience: "直升机总装八年", availability: ["2026-07-01/2026-09-30"],
                modes: ["secondment", "projectCooperation"], lat: nil, lon: nil, consented: consented))
        #expect(response.status == .created, "\(response.body.string)")
        return try response.json(Created.self)
    }

    /// A published demand of 江西神州六合 for two riveters in July–August (a secondment).
    func publishedDemand() async throws -> UUID {
        let response = try await client.send(
            .POST, "/api/v1/talent/demands", headers: demander,
            json: TalentDemandInput(
                orgID: nil, orgName: nil, division: nil, post: "铆装工", skills: ["riveting", "final-assembly"], certificates: ["caac-license"],
                mode: "secondment", startsOn: "2026-07-01", endsOn: "2026-08-31", headcount: 2, place: "景德镇高新区航空产业园",
                payTerms: "按日结算，每日 400 元"))
        #expect(response.status == .created, "\(response.body.string)")
        let demand = try response.json(Created.self)
        #expect(demand.status == "pending")
        let reviewed = try await client.send(
            .POST, "/api/v1/talent/demands/\(demand.id)/review", headers: centre,
            json: TalentReviewInput(decision: "publish", note: nil))
        #expect(reviewed.status == .ok, "\(reviewed.body.string)")
        return demand.id
    }

    func act(_ agreement: UUID, _ headers: HTTPHeaders, _ action: String, party: String? = nil, score: Int? = nil) async throws
        -> TestingHTTPResponse
    {
        try await client.send(
            .POST, "/api/v1/talent/agreements/\(agreement)/actions", headers: headers,
            json: TalentActionInput(action: action, party: party, score: score, note: score == nil ? nil : "配合良好"))
    }
}
