import Foundation
import Fluent
import Vapor
import LianxinCore

/// The demo talent-sharing centre in 信州区, after the seed's 景德镇 aviation park: 江西直升机有限公司 as a
/// sharing party, 江西神州六合直升机有限责任公司 as a demand party, and an aviation-manufacturing college
/// with its 13 graduates (programming and design) and 4 technical-service projects. People are invented.
enum TalentDemo {
    static let division = "361102"

    /// Seeds once (when there is no organisation yet); returns lines for the console.
    static func seed(_ app: Application) async throws -> [String] {
        let db = app.db
        guard try await Division.find(division, on: db) != nil, try await TalentOrganisation.query(on: db).count() == 0 else { return [] }
        let now = app.lianxin.now()
        let cipher = app.lianxin.cipher
        let today = Int((now.timeIntervalSince1970 + 8 * 3600) / 86_400)
        let day: @Sendable (Int) -> String = { TalentCodec.day(today + $0) }
        let people = try await db.transaction { db -> Int in
            var people = 0
            var orgs: [String: TalentOrganisation] = [:]
            for (key, name, kind, shares, demands, contact) in [
                ("jxhc", "江西直升机有限公司", "enterprise", true, true, "孙磊"),
                ("szlh", "江西神州六合直升机有限责任公司", "enterprise", false, true, "郑洁"),
                ("college", "南昌航空大学航空制造产业学院", "college", true, false, "冯老师"),
            ] {
                let org = TalentOrganisation()
                org.id = UUID()
                org.name = name
                org.kind = kind
                org.shares = shares
                org.demands = demands
                org.divisionCode = division
                org.contactName = contact
                org.contactPhoneCipher = try cipher.seal("1390793\(String(format: "%04d", orgs.count + 1))", for: .talentContactPhone, row: org.id!)
                try await org.create(on: db)
                orgs[key] = org
            }
            for username in ["jxhc", "szlh"] {
                let member = TalentOrganisationMember()
                member.orgID = try orgs[username]!.requireID()
                member.username = username
                try await member.create(on: db)
            }
            func person(
                _ name: String, _ org: String?, _ pool: String, _ skills: [String], _ certificates: [String], _ years: Int, _ modes: [SharingMode]
            ) async throws {
                let row = TalentProfile()
                row.id = UUID()
                row.name = name
                row.pool = pool
                row.homeOrgID = org.flatMap { orgs[$0]?.id }
                row.divisionCode = division
                people += 1
                row.phoneCipher = try cipher.seal("1380793\(String(format: "%04d", people))", for: .talentPhone, row: row.id!)
                row.skills = skills.joined(separator: ";")
                row.certificates = certificates.map { "\($0):\(day(900))" }.joined(separator: ";")
                row.experienceYears = years
                row.experience = ""
                row.availability = "\(day(0))/\(day(240))"
                row.modes = modes.map(\.rawValue).sorted().joined(separator: ";")
                row.lat = 28.45
                row.lon = 117.95
                row.consented = true
                row.ownTokenHash = cipher.tokenHash(FieldCipher.randomToken())
                row.createdAt = now
                try await row.create(on: db)
            }
            let sharers: [(String, [String], [String], Int)] = [
                ("王建国", ["riveting", "final-assembly"], ["caac-license"], 12), ("刘志强", ["riveting", "sheet-metal"], [], 8),
                ("陈海波", ["final-assembly", "wiring-harness"], ["electrician"], 10), ("杨帆", ["composites"], [], 5),
                ("黄立新", ["helicopter-maintenance", "engine-maintenance"], ["caac-license"], 15), ("周文", ["ndt", "cmm"], ["ndt-level2"], 9),
                ("吴俊", ["avionics-test", "electrical"], ["electrician"], 7), ("徐斌", ["five-axis", "cnc-programming"], ["cnc-senior"], 11),
                ("孙丽", ["quality-system", "airworthiness"], [], 13), ("马超", ["uav-operation"], ["uav-pilot"], 4),
                ("胡明", ["project-management", "supply-chain"], [], 14), ("郭强", ["riveting"], [], 3),
            ]
            for (name, skills, certificates, years) in sharers {
                try await person(
                    name, "jxhc", years >= 12 ? "high-level" : "craftsman", skills, certificates, years, [.secondment, .projectCooperation, .leasing])
            }
            let graduates: [(String, [String])] = [
                ("李想", ["cnc-programming"]), ("张悦", ["cad-modelling", "structure-design"]), ("王晨", ["embedded-software"]),
                ("赵宇", ["cnc-programming", "five-axis"]), ("钱多", ["cad-modelling"]), ("孙雨", ["structure-design"]),
                ("周航", ["embedded-software", "flight-control"]), ("吴桐", ["cnc-programming"]), ("郑爽", ["cad-modelling", "stress-analysis"]),
                ("冯凯", ["embedded-software"]), ("陈曦", ["structure-design", "aerodynamics"]), ("褚阳", ["cnc-programming"]),
                ("卫然", ["cad-modelling"]),
            ]
            for (name, skills) in graduates { try await person(name, "college", "graduate", skills, [], 0, [.orderTraining, .flexibleIntroduction]) }

            let published = TalentDemand()
            published.orgID = orgs["szlh"]?.id
            published.orgName = orgs["szlh"]?.name ?? ""
            published.divisionCode = division
            published.post = "直升机铆装工"
            published.skills = "final-assembly;riveting"
            published.certificates = ""
            published.mode = SharingMode.secondment.rawValue
            published.startsOn = day(14)
            published.endsOn = day(75)
            published.headcount = 2
            published.place = "航空产业园总装车间"
            published.payTerms = "按日结算，每日 400 元，食宿由需求方安排"
            published.status = "published"
            published.createdBy = "szlh"
            published.createdAt = now
            try await published.create(on: db)
            let pending = TalentDemand()
            pending.orgID = orgs["szlh"]?.id
            pending.orgName = orgs["szlh"]?.name ?? ""
            pending.divisionCode = division
            pending.post = "航电测试工程师"
            pending.skills = "avionics-test;embedded-software"
            pending.certificates = ""
            pending.mode = SharingMode.flexibleIntroduction.rawValue
            pending.startsOn = day(30)
            pending.endsOn = day(210)
            pending.headcount = 1
            pending.place = "研发中心"
            pending.payTerms = "按月计酬，面议"
            pending.status = "pending"
            pending.createdBy = "szlh"
            pending.createdAt = now
            try await pending.create(on: db)

            for (index, (client, project)) in [
                ("jxhc", "旋翼工装数控化改造"), ("jxhc", "总装线线束工艺优化"), ("szlh", "复合材料检测工装设计"), ("szlh", "机加车间编程标准化"),
            ].enumerated() {
                let row = TalentAgreementRow()
                row.demandOrgID = try orgs[client]!.requireID()
                row.homeOrgID = orgs["college"]?.id
                row.divisionCode = division
                row.mode = SharingMode.technicalService.rawValue
                row.startsOn = day(-150 + index * 20)
                row.endsOn = day(-60 + index * 10)
                row.deliverables = project
                row.terms = "技术改造服务"
                row.status = AgreementStatus.ended.rawValue
                row.required = "demandOrg;homeOrg"
                row.approvals = "demandOrg;homeOrg"
                row.evaluations = "demandOrg;homeOrg"
                row.createdBy = "talentcentre"
                row.createdAt = now
                try await row.create(on: db)
                for (action, party, score) in [
                    ("propose", "centre", nil), ("approve", "demandOrg", nil), ("approve", "homeOrg", nil), ("start", "centre", nil),
                    ("end", "centre", nil), ("evaluate", "demandOrg", 5), ("evaluate", "homeOrg", 5),
                ] as [(String, String, Int?)] {
                    let event = TalentAgreementEvent()
                    event.agreementID = try row.requireID()
                    event.action = action
                    event.party = party
                    event.actor = "demo-seeder"
                    event.score = score
                    event.note = ""
                    event.at = now
                    try await event.create(on: db)
                }
            }
            return people
        }
        return [
            "talent sharing: 3 organisations, \(people) people (13 graduates of the college), 2 demands, 4 technical-service projects (demo only)"
        ]
    }
}
