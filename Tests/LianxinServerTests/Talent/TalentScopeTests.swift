import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import LianxinCore
@testable import LianxinServer

@Suite("人才共享 scope and privacy: shared profiles only, contact masked until agreed, every look recorded")
struct TalentScopeTests {
    @Test func item_scope_enterpriseSeesOnlySharedProfilesAndMaskedContactUntilAgreed() async throws {
        try await withLianxin { app, client in
            let park = try await TalentPark.make(app, client)
            let shared = try await park.person("王建国", org: park.sharerID)
            let private_ = try await park.person("李明", org: park.sharerID, consented: false, phone: "13807930456")

            let hidden = try await client.send(.GET, "/api/v1/talent/profiles/\(private_.id)", headers: park.demander)
            #expect(hidden.status == .notFound)
            let own = try await client.send(.GET, "/api/v1/talent/profiles/\(private_.id)", headers: park.sharer)
            #expect(own.status == .ok, "an employer sees its own people")

            let masked = try await client.send(.GET, "/api/v1/talent/profiles/\(shared.id)", headers: park.demander)
            #expect(masked.status == .ok)
            let before = try masked.json(TalentProfileDTO.self)
            #expect(before.phone == PersonalDataMask.phone("13807930123"))
            #expect(before.name == PersonalDataMask.name("王建国") && before.name != "王建国")
            #expect(!before.contactRevealed)
            #expect(!masked.body.string.contains("13807930123"))

            let cipher = try #require(try await TalentProfile.find(shared.id, on: app.db)?.phoneCipher)
            #expect(!String(decoding: cipher, as: UTF8.self).contains("13807930123"), "phone sealed at rest")

            let demand = try await park.publishedDemand()
            let proposed = try await client.send(
                .POST, "/api/v1/talent/agreements", headers: park.centre,
                json: TalentAgreementInput(
                    demandID: demand.uuidString, profileID: shared.id.uuidString, deliverables: nil, termMonths: nil, terms: nil))
            #expect(proposed.status == .created, "\(proposed.body.string)")
            let agreement = try proposed.json(TalentAgreementDTO.self)
            let id = try #require(agreement.id)
            #expect(Set(agreement.required) == ["demandOrg", "homeOrg", "person"])
            #expect(try await park.act(id, park.demander, "approve").status == .ok)
            #expect(try await park.act(id, park.sharer, "approve").status == .ok)
            let stillMasked = try await client.send(.GET, "/api/v1/talent/profiles/\(shared.id)", headers: park.demander)
            #expect(try stillMasked.json(TalentProfileDTO.self).phone == PersonalDataMask.phone("13807930123"), "masked until every party agreed")
            let agreed = try await park.act(id, park.centre, "approve", party: "person")
            #expect(try agreed.json(TalentAgreementDTO.self).status == "agreed")

            let after = try await client.send(.GET, "/api/v1/talent/profiles/\(shared.id)", headers: park.demander)
            let revealed = try after.json(TalentProfileDTO.self)
            #expect(revealed.phone == "13807930123" && revealed.name == "王建国" && revealed.contactRevealed)
            let other = try await client.send(.GET, "/api/v1/talent/profiles/\(shared.id)", headers: park.college)
            #expect(try other.json(TalentProfileDTO.self).phone == PersonalDataMask.phone("13807930123"), "a third organisation still sees it masked")
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.talentContactRead.rawValue).count()
            #expect(audited >= 1)

            let outsider = try await client.send(.GET, "/api/v1/talent/agreements/\(id)", headers: park.college)
            #expect(outsider.status == .notFound, "an organisation outside the agreement does not see it")

            let views = try await client.send(.GET, "/api/v1/talent/profiles/\(shared.id)/views", headers: park.centre)
            let organisations = try views.json([TalentController.ViewDTO].self).map(\.organisation)
            #expect(organisations.contains("江西神州六合直升机有限责任公司") && organisations.contains("航空制造产业学院"))
            let token = try #require(shared.ownToken)
            let mine = try await client.send(.GET, "/p/talent/me?token=\(token)")
            #expect(mine.status == .ok)
            #expect(mine.body.string.contains("江西神州六合直升机有限责任公司"))
            #expect(try await client.send(.GET, "/p/talent/me?token=wrong").status == .notFound)
        }
    }

    @Test func item_scope_pendingDemandsAndMatchesStayWithTheirOwners() async throws {
        try await withLianxin { app, client in
            let park = try await TalentPark.make(app, client)
            let response = try await client.send(
                .POST, "/api/v1/talent/demands", headers: park.demander,
                json: TalentDemandInput(
                    orgID: nil, orgName: nil, division: nil, post: "装配", skills: ["riveting"], certificates: [], mode: "secondment",
                    startsOn: "2026-07-01", endsOn: "2026-07-31", headcount: 1, place: "景德镇", payTerms: "面议"))
            let demand = try response.json(TalentPark.Created.self)
            let review = TalentReviewInput(decision: "publish")
            #expect(try await client.send(.GET, "/api/v1/talent/demands/\(demand.id)/matches", headers: park.centre).status == .ok)
            #expect(
                try await client.send(.POST, "/api/v1/talent/demands/\(demand.id)/review", headers: park.sharer, json: review).status == .notFound)
            #expect(try await client.send(.GET, "/api/v1/talent/demands/\(demand.id)/matches", headers: park.sharer).status == .forbidden)
            let leader = try await TalentPark.bearer("boss", role: "leader", app)
            #expect(try await client.send(.POST, "/api/v1/talent/profiles", headers: leader, json: TalentProfileInput()).status == .forbidden)
            let admin = try await TalentPark.bearer("sysadmin", role: "admin", app)
            #expect(
                try await client.send(.GET, "/api/v1/talent/map", headers: admin).status == .forbidden, "administrators hold no business permission")
        }
    }

    @Test func item_scope_anOrganisationOffersOnlyItsOwnPeopleAsASupply() async throws {
        try await withLianxin { app, client in
            let park = try await TalentPark.make(app, client)
            let own = try await park.person("王建国", org: park.sharerID)
            let theirs = try await park.person("周强", org: park.demanderID, phone: "13807930999")
            let offer = TalentSupplyInput(
                skills: ["riveting"], headcount: 3, profileIDs: [own.id.uuidString], modes: ["secondment", "leasing"], startsOn: "2026-07-01",
                endsOn: "2026-09-30", note: "总装线淡季富余")
            let created = try await client.send(.POST, "/api/v1/talent/supplies", headers: park.sharer, json: offer)
            #expect(created.status == .created, "\(created.body.string)")
            var foreign = offer
            foreign.profileIDs = [theirs.id.uuidString]
            let refused = try await client.send(.POST, "/api/v1/talent/supplies", headers: park.sharer, json: foreign)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.problemFields() == ["/profileIDs"])
            let listed = try await client.send(.GET, "/api/v1/talent/supplies", headers: park.demander)
            let supplies = try listed.json([TalentSupplies.DTO].self)
            #expect(supplies.count == 1)
            #expect(supplies.first?.organisation == "江西直升机有限公司" && supplies.first?.headcount == 3)
            #expect(supplies.first?.people == [PersonalDataMask.name("王建国")])
            #expect(!listed.body.string.contains("王建国"))
        }
    }
}
