import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import LianxinCore
@testable import LianxinServer

/// The centre's and the organisations' own pages: organisations and their contact accounts, people with
/// certificates, free periods and the place picked on the map, spare people offered, and a demand that takes
/// no more people than it asked for.
@Suite("人才共享 pages: organisations, people, spare people; a demand's headcount holds")
struct TalentPagesTests {
    static let password = "Str0ng@2026-pw"

    /// A URL-encoded body with repeated keys, as a browser sends check boxes and repeated rows.
    static func form(_ pairs: [(String, String)]) -> (bytes: [UInt8], type: HTTPMediaType) {
        let text = pairs.map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.1)"
        }
        .joined(separator: "&")
        return (Array(text.utf8), .urlEncodedForm)
    }

    static func signedIn(_ username: String, _ app: Application) async throws -> TestClient {
        let client = TestClient(app: app)
        #expect(try await client.login(username, password).status == .seeOther)
        return client
    }

    @Test func item01_theCentreRegistersAnOrganisationAndLinksItsContactThroughThePages() async throws {
        try await withLianxin { app, client in
            let park = try await TalentPark.make(app, client)
            _ = park
            _ = try await makeAccount("jdzair", app, role: "enterpriseContact", division: "361102")
            let centre = try await Self.signedIn("centre", app)
            let page = try await centre.send(.GET, "/talent/organisations")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("江西直升机有限公司") && page.body.string.contains("关联单位联络员"))
            #expect(!page.body.string.contains("13907930001"), "contact phones are masked")
            let csrf = try #require(TestClient.csrfToken(in: page.body.string))

            // Bad input: every problem beside its field, what was typed kept, nothing written.
            let before = try await TalentOrganisation.query(on: app.db).count()
            let bad = try await centre.send(
                .POST, "/talent/organisations",
                form: ["_csrf": csrf, "name": "景德镇航空锻造厂", "kind": "", "contactName": "", "contactPhone": "123", "shares": "on"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("value=\"景德镇航空锻造厂\""))
            #expect(bad.body.string.contains("请选择单位类型"))
            #expect(bad.body.string.components(separatedBy: "class=\"field-error\"").count - 1 >= 3)
            #expect(try await TalentOrganisation.query(on: app.db).count() == before)

            let good = try await centre.send(
                .POST, "/talent/organisations",
                form: [
                    "_csrf": csrf, "name": "景德镇航空锻造厂", "kind": "enterprise", "contactName": "孙主任", "contactPhone": "13907937777", "demands": "on",
                    "division": "361102",
                ])
            #expect(good.status == .seeOther, "\(good.body.string.prefix(400))")
            let org = try #require(try await TalentOrganisation.query(on: app.db).filter(\.$name == "景德镇航空锻造厂").first())
            #expect(org.kind == "enterprise" && org.demands && !org.shares && org.contactPhoneCipher != nil)

            let listed = try await centre.send(.GET, "/talent/organisations")
            #expect(listed.body.string.contains("<option value=\"jdzair\">"), "the unlinked contact account is offered")
            let linked = try await centre.send(
                .POST, "/talent/organisations/members", form: ["_csrf": csrf, "orgID": try org.requireID().uuidString, "username": "jdzair"])
            #expect(linked.status == .seeOther)
            #expect(try await TalentOrganisationMember.query(on: app.db).filter(\.$username == "jdzair").first()?.orgID == org.id)
            let unknown = try await centre.send(
                .POST, "/talent/organisations/members", form: ["_csrf": csrf, "orgID": UUID().uuidString, "username": "jdzair"])
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("请选择单位"))

            // An organisation's contact reads the list but registers no organisation.
            let contact = try await Self.signedIn("jdzair", app)
            let theirs = try await contact.send(.GET, "/talent/organisations")
            #expect(theirs.status == .ok && !theirs.body.string.contains("talent-org-form"))
            let refused = try await contact.send(
                .POST, "/talent/organisations",
                form: ["_csrf": try #require(TestClient.csrfToken(in: theirs.body.string)), "name": "冒名单位", "kind": "enterprise", "contactName": "某"])
            #expect(refused.status == .notFound)
        }
    }

    @Test func item02_anOrganisationRegistersItsPersonWithCertificatesPeriodsAndPlace() async throws {
        try await withLianxin { app, client in
            let park = try await TalentPark.make(app, client)
            let sharer = try await Self.signedIn("jxhc", app)
            let page = try await sharer.send(.GET, "/talent/people")
            #expect(page.status == .ok && page.body.string.contains("talent-person-form") && page.body.string.contains("data-pick=\"lat\""))
            let csrf = try #require(TestClient.csrfToken(in: page.body.string))

            let bad = try await sharer.send(
                .POST, "/talent/people",
                raw: Self.form([
                    ("_csrf", csrf), ("name", "李明"), ("pool", "craftsman"), ("phone", "13807931111"), ("certificateCodes[]", "caac-license"),
                    ("certificateExpires[]", ""), ("certificateCodes[]", ""), ("certificateExpires[]", ""), ("experienceYears", "七十"),
                    ("availableFrom[]", ""), ("availableTo[]", ""), ("latitude", "29.3"), ("longitude", ""),
                ]))
            #expect(bad.status == .unprocessableEntity)
            let body = bad.body.string
            #expect(body.contains("value=\"李明\"") && body.contains("value=\"13807931111\""), "what was typed is kept")
            for message in ["请选择证书并填写有效期", "请至少填写一段可工作的日期", "请在地图上点选位置", "请至少选择一种共享方式"] {
                #expect(body.contains(message), "\(message)")
            }
            #expect(body.contains("<option value=\"caac-license\" selected>"), "the certificate picked is kept")
            #expect(try await TalentProfile.query(on: app.db).filter(\.$name == "李明").count() == 0)

            let good = try await sharer.send(
                .POST, "/talent/people",
                raw: Self.form([
                    ("_csrf", csrf), ("name", "李明"), ("pool", "craftsman"), ("phone", "13807931111"), ("skills[]", "riveting"),
                    ("skills[]", "final-assembly"), ("certificateCodes[]", "caac-license"), ("certificateExpires[]", "2027-06-30"),
                    ("certificateCodes[]", ""), ("certificateExpires[]", ""), ("experienceYears", "6"), ("experience", "直升机总装六年"),
                    ("availableFrom[]", "2026-07-01"), ("availableTo[]", "2026-08-31"), ("availableFrom[]", "2026-10-01"),
                    ("availableTo[]", "2026-10-31"), ("modes[]", "secondment"), ("latitude", "29.30"), ("longitude", "117.20"),
                    ("consented", "on"),
                ]))
            #expect(good.status == .ok, "\(good.body.string.prefix(400))")
            #expect(good.body.string.contains("/p/talent/me?token="), "the person's own link, shown once")
            let row = try #require(try await TalentProfile.query(on: app.db).filter(\.$name == "李明").first())
            #expect(row.homeOrgID == park.sharerID, "an organisation registers its own people")
            #expect(row.certificates == "caac-license:2027-06-30")
            #expect(row.availability == "2026-07-01/2026-08-31;2026-10-01/2026-10-31")
            #expect(row.skills == "final-assembly;riveting" && row.modes == "secondment" && row.consented)
            #expect(row.lat == 29.30 && row.lon == 117.20 && row.experienceYears == 6)
            #expect(row.phoneCipher != nil)

            // Another organisation sees the person masked; the person's page records the look.
            let demander = try await Self.signedIn("szlh", app)
            let list = try await demander.send(.GET, "/talent/people?skill=riveting")
            #expect(list.status == .ok && list.body.string.contains("李*") && !list.body.string.contains("李明"))
            let profile = try await demander.send(.GET, "/talent/people/\(try row.requireID())")
            #expect(profile.status == .ok && !profile.body.string.contains("13807931111") && profile.body.string.contains("138****1111"))
            let centre = try await Self.signedIn("centre", app)
            let views = try await centre.send(.GET, "/talent/people/\(try row.requireID())")
            #expect(views.body.string.contains("江西神州六合直升机有限责任公司"), "the centre sees who looked")
        }
    }

    @Test func item03_peoplePagesStayInsideTheDivisionAndTheSharedProfiles() async throws {
        try await withLianxin { app, client in
            let park = try await TalentPark.make(app, client)
            let hidden = try await park.person("钱峰", org: park.sharerID, consented: false)
            let otherDivision = Division()
            otherDivision.id = "361121"
            otherDivision.name = "上饶县"
            otherDivision.level = "county"
            otherDivision.parentCode = "3611"
            try await otherDivision.create(on: app.db)
            _ = try await makeAccount("farcentre", app, role: "talentCentre", division: "361121")
            let far = try await Self.signedIn("farcentre", app)
            #expect(try await far.send(.GET, "/talent/people/\(hidden.id)").status == .notFound)
            #expect(!(try await far.send(.GET, "/talent/people").body.string.contains("/talent/people/\(hidden.id)")))
            // A profile not shared with the platform stays with its employer.
            let demander = try await Self.signedIn("szlh", app)
            #expect(try await demander.send(.GET, "/talent/people/\(hidden.id)").status == .notFound)
            let sharer = try await Self.signedIn("jxhc", app)
            let own = try await sharer.send(.GET, "/talent/people/\(hidden.id)")
            #expect(own.status == .ok && own.body.string.contains("钱峰"), "an employer sees its own people in full")
        }
    }

    @Test func item04_sparePeopleAreOfferedOnThePageAndShownOnTheMap() async throws {
        try await withLianxin { app, client in
            let park = try await TalentPark.make(app, client)
            let worker = try await park.person("王建国", org: park.sharerID)
            let sharer = try await Self.signedIn("jxhc", app)
            let page = try await sharer.send(.GET, "/talent/supplies")
            #expect(page.status == .ok && page.body.string.contains("王建国"), "an organisation names its own people")
            let csrf = try #require(TestClient.csrfToken(in: page.body.string))
            let bad = try await sharer.send(
                .POST, "/talent/supplies",
                raw: Self.form([("_csrf", csrf), ("headcount", "0"), ("startsOn", "2026-07-01"), ("endsOn", "2026-06-01"), ("note", "暑期富余")]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("value=\"暑期富余\""))
            #expect(try await TalentSupply.query(on: app.db).count() == 0)
            let good = try await sharer.send(
                .POST, "/talent/supplies",
                raw: Self.form([
                    ("_csrf", csrf), ("skills[]", "riveting"), ("profileIDs[]", worker.id.uuidString), ("headcount", "3"), ("modes[]", "secondment"),
                    ("startsOn", "2026-07-01"), ("endsOn", "2026-08-31"), ("note", "暑期富余"),
                ]))
            #expect(good.status == .seeOther, "\(good.body.string.prefix(300))")
            let listed = try await sharer.send(.GET, "/talent/supplies")
            #expect(listed.body.string.contains("暑期富余") && listed.body.string.contains("王*"))
            struct Figures: Decodable {
                struct Line: Decodable {
                    let skill: String
                    let offered: Int
                }
                let lines: [Line]
            }
            let map = try await client.send(.GET, "/api/v1/talent/map?from=2026-07-01&to=2026-07-31", headers: park.centre)
            #expect(try map.json(Figures.self).lines.first { $0.skill == "铆接装配" }?.offered == 3)
            let later = try await client.send(.GET, "/api/v1/talent/map?from=2026-11-01&to=2026-11-30", headers: park.centre)
            #expect(try later.json(Figures.self).lines.first { $0.skill == "铆接装配" }?.offered == 0)
        }
    }

    @Test func item05_aDemandTakesNoMorePeopleThanItAskedFor() async throws {
        try await withLianxin { app, client in
            let park = try await TalentPark.make(app, client)
            var people: [UUID] = []
            for (index, name) in ["王建国", "李卫东", "张志刚"].enumerated() {
                people.append(try await park.person(name, org: park.sharerID, phone: "1380793012\(index)").id)
            }
            let demand = try await park.publishedDemand()  // asks for two
            var agreements: [UUID] = []
            for person in people {
                let proposed = try await client.send(
                    .POST, "/api/v1/talent/agreements", headers: park.centre,
                    json: TalentAgreementInput(demandID: demand.uuidString, profileID: person.uuidString, terms: "按日结算"))
                #expect(proposed.status == .created, "\(proposed.body.string)")
                agreements.append(try proposed.json(TalentPark.Created.self).id)
            }
            let again = try await client.send(
                .POST, "/api/v1/talent/agreements", headers: park.centre,
                json: TalentAgreementInput(demandID: demand.uuidString, profileID: people[0].uuidString, terms: "按日结算"))
            let againFields = try again.problemFields()
            #expect(again.status == .unprocessableEntity && againFields == ["/profileID"], "the same person twice")
            for agreement in agreements.prefix(2) {
                #expect(try await park.act(agreement, park.demander, "approve").status == .ok)
                #expect(try await park.act(agreement, park.sharer, "approve").status == .ok)
                #expect(try await park.act(agreement, park.centre, "approve", party: "person").status == .ok)
            }
            // Two agreed: the third cannot become agreed, and nobody more is proposed.
            #expect(try await park.act(agreements[2], park.demander, "approve").status == .ok)
            #expect(try await park.act(agreements[2], park.sharer, "approve").status == .ok)
            let third = try await park.act(agreements[2], park.centre, "approve", party: "person")
            #expect(third.status == .conflict && third.body.string.contains("人数已满"), "\(third.body.string)")
            let fourth = try await park.person("赵刚", org: park.sharerID, phone: "13807930555")
            let more = try await client.send(
                .POST, "/api/v1/talent/agreements", headers: park.centre,
                json: TalentAgreementInput(demandID: demand.uuidString, profileID: fourth.id.uuidString, terms: "按日结算"))
            let moreFields = try more.problemFields()
            #expect(more.status == .unprocessableEntity && moreFields == ["/demandID"])
        }
    }
}
