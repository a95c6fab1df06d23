import Fluent
import Foundation
import LianxinCore
import Testing
import Vapor
import VaporTesting

@testable import LianxinServer

/// 小微权力监督 through the pages and the API, on both engines: a resident reports an official in confidence and follows
/// the answer with the code and secret; only the discipline inspector of the division reads and handles it (everyone
/// else, leaders and administrators included, gets 404), leaders see counts only; an inspection group hands a problem
/// to a township, which replies with its proof, and the group returns then accepts it; bad input named field by field.
@Suite("小微权力监督: confidential reports to the discipline commission only; inspection handovers for 立行立改")
struct OversightTests {
    struct Created: Decodable {
        let id: String
        let status: String?
    }

    static func between(_ html: String, _ start: String, _ end: String = "<") -> String? {
        guard let range = html.range(of: start) else { return nil }
        return String(html[range.upperBound...].prefix { String($0) != end })
    }

    @Test func aConfidentialReportReachesOnlyTheDisciplineInspector() async throws {
        try await withLianxin(demo: true) { app, client in
            let before = try await ConductReport.query(on: app.db).count()
            let resident = TestClient(app: app)
            let form = try await resident.send(.GET, "/p/oversight")
            #expect(form.status == .ok && form.body.string.contains("ov-report-form"))
            let token = try #require(TestClient.csrfToken(in: form.body.string))
            let bad = try await resident.send(
                .POST, "/p/oversight",
                form: ["_csrf": token, "divisionCode": "361102", "official": "", "what": "太短", "reporterPhone": "12345", "happenedOn": "2099-01-01"])
            #expect(bad.status == .unprocessableEntity)
            for id in ["ov-division-error", "ov-official-error", "ov-what-error", "ov-phone-error", "ov-happened-error"] {
                #expect(bad.body.string.contains("id=\"\(id)\""), "\(id) beside its field")
            }
            #expect(bad.body.string.contains("太短"), "what was typed is kept")
            #expect(try await ConductReport.query(on: app.db).count() == before)

            let sent = try await resident.send(
                .POST, "/p/oversight",
                form: [
                    "_csrf": token, "divisionCode": "361102001001", "official": "上滩头社区某网格员",
                    "what": "发放高龄津贴时要求老人家属请吃饭才给登记，已经有好几户反映。", "firstTime": "on", "reporterPhone": "13907931234",
                ])
            #expect(sent.status == .ok, "\(sent.body.string.prefix(300))")
            let code = try #require(Self.between(sent.body.string, "id=\"ov-code\">")).replacingOccurrences(of: " ", with: "")
            let secret = try #require(Self.between(sent.body.string, "id=\"ov-secret\">"))
            let row = try #require(try await ConductReport.query(on: app.db).filter(\.$trackingCode == code).first())
            let id = try row.requireID().uuidString
            #expect(row.firstTime && row.status == "received" && row.secretHash != secret)
            #expect(
                row.reporterPhoneCipher.map { !String(decoding: $0, as: UTF8.self).contains("13907931234") } == true, "the phone is sealed at rest")

            // Only the discipline inspector of the division sees it; to everyone else it does not exist.
            let inspector = try await PartyVillage.bearer("jw-a", role: "disciplineInspector", division: "361102", app)
            let colleague = try await PartyVillage.bearer("jw-b", role: "disciplineInspector", division: "361102", app)
            let elsewhere = try await PartyVillage.bearer("jw-other", role: "disciplineInspector", division: "361102002", app)
            let list = try await client.send(.GET, "/api/v1/oversight/reports", headers: inspector)
            let line = try #require(try list.json([OversightController.ReportLine].self).first { $0.id == id })
            #expect(line.reporterPhone != "13907931234" && line.reporterPhone.hasSuffix("1234") && line.firstTime)
            #expect(try await client.send(.GET, "/api/v1/oversight/reports/\(id)", headers: elsewhere).status == .notFound)
            #expect(
                try await client.send(.GET, "/api/v1/oversight/reports", headers: elsewhere).json([OversightController.ReportLine].self).allSatisfy {
                    $0.id != id
                })
            for role in ["operator", "dispatcher", "leader", "supervisor", "communityStaff"] {
                let other = try await PartyVillage.bearer("x-\(role)", role: role, division: role == "communityStaff" ? "361102001001" : "3611", app)
                #expect(try await client.send(.GET, "/api/v1/oversight/reports/\(id)", headers: other).status == .notFound, "\(role)")
                #expect(try await client.send(.GET, "/api/v1/oversight/reports", headers: other).status == .notFound, "\(role)")
                #expect(
                    try await client.send(.POST, "/api/v1/oversight/reports/\(id)/actions", headers: other, json: ["action": "accept"]).status
                        == .notFound, "\(role)")
            }
            let admin = TestClient(app: app)
            try await admin.login("admin")
            #expect(try await admin.send(.GET, "/api/v1/oversight/reports/\(id)").status == .notFound)
            #expect(try await admin.send(.GET, "/oversight/reports/\(id)").status == .notFound)

            // Leaders read counts only.
            let leader = try await PartyVillage.bearer("leader-ov", role: "leader", division: "361102", app)
            let figures = try await client.send(.GET, "/api/v1/oversight/report-figures", headers: leader)
            #expect(figures.status == .ok && !figures.body.string.contains("高龄津贴") && !figures.body.string.contains("网格员"))
            let counts = try figures.json(ConductFigures.self)
            #expect(counts.total == before + 1 && counts.byDivision.contains { $0.name == "水南街道" })

            // The inspector takes it on; after that only they handle it, and only they see the contact (audited).
            let accepted = try await client.send(.POST, "/api/v1/oversight/reports/\(id)/actions", headers: inspector, json: ["action": "accept"])
            #expect(try accepted.json(Created.self).status == "accepted")
            #expect(
                try await client.send(.POST, "/api/v1/oversight/reports/\(id)/actions", headers: colleague, json: ["action": "verify"]).status
                    == .conflict)
            #expect(try await client.send(.GET, "/api/v1/oversight/reports/\(id)/contact", headers: colleague).status == .forbidden)
            let contact = try await client.send(.GET, "/api/v1/oversight/reports/\(id)/contact", headers: inspector)
            #expect(try contact.json(OversightController.Contact.self).phone == "13907931234")
            #expect(try await auditActions(app).contains { $0.action == "conduct-contact.read" && $0.target == "conduct-report:\(id)" })
            let early = try await client.send(.POST, "/api/v1/oversight/reports/\(id)/actions", headers: inspector, json: ["action": "decline"])
            #expect(early.status == .conflict, "an accepted report cannot be declined")
            let incomplete = try await client.send(.POST, "/api/v1/oversight/reports/\(id)/actions", headers: inspector, json: ["action": "conclude"])
            #expect(incomplete.status == .unprocessableEntity)
            #expect(Set(try incomplete.problemFields()) == ["/finding", "/reply"])
            #expect(
                try await client.send(.POST, "/api/v1/oversight/reports/\(id)/actions", headers: inspector, json: ["action": "verify"]).status == .ok)
            let concluded = try await client.send(
                .POST, "/api/v1/oversight/reports/\(id)/actions", headers: inspector,
                json: ["action": "conclude", "finding": "partly", "reply": "经核实部分属实，已对相关人员批评教育并责令退还。", "note": "内部：约谈记录存档"])
            #expect(try concluded.json(Created.self).status == "concluded")

            // The reporter reads the answer with the code and the secret, never the internal note.
            let track = try await resident.send(.GET, "/p/oversight/track")
            let trackToken = try #require(TestClient.csrfToken(in: track.body.string))
            let wrong = try await resident.send(.POST, "/p/oversight/track", form: ["_csrf": trackToken, "code": code, "secret": "WRONG123"])
            #expect(wrong.status == .notFound && !wrong.body.string.contains("责令退还"))
            let answer = try await resident.send(
                .POST, "/p/oversight/track", form: ["_csrf": trackToken, "code": code, "secret": secret.lowercased()])
            #expect(answer.status == .ok && answer.body.string.contains("责令退还") && answer.body.string.contains("部分属实"))
            #expect(!answer.body.string.contains("约谈记录"))
        }
    }

    @Test func anInspectionHandoverIsRepliedReturnedAndAccepted() async throws {
        try await withLianxin(demo: true) { app, client in
            let group = try await PartyVillage.bearer("xc-1", role: "inspectionGroup", division: "361102", app)
            let township = try await PartyVillage.bearer("sn-staff", role: "communityStaff", division: "361102001", app)
            let otherTownship = try await PartyVillage.bearer("ds-staff", role: "communityStaff", division: "361102002", app)
            let today = LocalDate(app.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
            let before = try await InspectionHandover.query(on: app.db).count()

            let bad = try await client.send(
                .POST, "/api/v1/oversight/handovers", headers: group,
                json: ["divisionCode": "361102", "title": "", "problem": "短", "deadline": "2020-01-01"])
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.problemFields()) == ["/divisionCode", "/title", "/problem", "/deadline"])
            let outside = try await client.send(
                .POST, "/api/v1/oversight/handovers", headers: group,
                json: ["divisionCode": "361121001", "title": "越界", "problem": "另一个县的问题", "deadline": today.adding(days: 3).description])
            #expect(outside.status == .notFound)
            #expect(try await InspectionHandover.query(on: app.db).count() == before)
            let filed = try await client.send(
                .POST, "/api/v1/oversight/handovers", headers: group,
                json: [
                    "divisionCode": "361102001", "title": "自来水管老化破裂", "problem": "柘林街居民家中时常停水，通往该处的自来水管老化、经常破裂。",
                    "deadline": today.adding(days: 3).description,
                ])
            #expect(filed.status == .created, "\(filed.body.string)")
            let id = try filed.json(Created.self).id

            // Another township neither sees nor answers it.
            let theirs = try await client.send(.GET, "/api/v1/oversight/handovers", headers: otherTownship).json(HandoverFigures.self)
            #expect(theirs.handovers.allSatisfy { $0.id != id })
            let stolen = try await client.send(
                .POST, "/api/v1/oversight/handovers/\(id)/actions", headers: otherTownship,
                json: ["action": "reply", "reply": "已修复", "proof": "照片"])
            #expect(stolen.status == .notFound)

            let seen = try await client.send(.GET, "/api/v1/oversight/handovers", headers: township).json(HandoverFigures.self)
            #expect(seen.handovers.contains { $0.id == id && $0.statusCode == "handedOver" })
            let empty = try await client.send(.POST, "/api/v1/oversight/handovers/\(id)/actions", headers: township, json: ["action": "reply"])
            #expect(Set(try empty.problemFields()) == ["/reply", "/proof"])
            #expect(
                try await client.send(.POST, "/api/v1/oversight/handovers/\(id)/actions", headers: township, json: ["action": "accept"]).status
                    == .forbidden, "the township does not accept its own rectification")
            let reply = ["action": "reply", "reply": "组织党员服务先锋队抢修三小时，更换破裂水管，恢复供水。", "proof": "现场照片存街道档案；居民签字确认"]
            #expect(
                try await client.send(.POST, "/api/v1/oversight/handovers/\(id)/actions", headers: township, json: reply).json(Created.self).status
                    == "replied")
            let noReason = try await client.send(.POST, "/api/v1/oversight/handovers/\(id)/actions", headers: group, json: ["action": "return"])
            #expect(Set(try noReason.problemFields()) == ["/reason"])
            let returned = try await client.send(
                .POST, "/api/v1/oversight/handovers/\(id)/actions", headers: group, json: ["action": "return", "reason": "复查仍有一处渗漏，请彻底处理"])
            #expect(try returned.json(Created.self).status == "returned")
            _ = try await client.send(.POST, "/api/v1/oversight/handovers/\(id)/actions", headers: township, json: reply)
            let accepted = try await client.send(.POST, "/api/v1/oversight/handovers/\(id)/actions", headers: group, json: ["action": "accept"])
            #expect(try accepted.json(Created.self).status == "rectified")

            let leader = try await PartyVillage.bearer("ld-ho", role: "leader", division: "361102", app)
            let figures = try await client.send(.GET, "/api/v1/oversight/handovers", headers: leader).json(HandoverFigures.self)
            let line = try #require(figures.handovers.first { $0.id == id })
            #expect(line.statusCode == "rectified" && !line.overdue && line.place == "水南街道")
            #expect(figures.byDivision.contains { $0.name == "水南街道" && $0.rectified >= 1 })
            #expect(try await auditActions(app).filter { $0.target == "inspection-handover:\(id)" }.count == 5)

            // The page form sends back every problem beside its field, keeping what was typed.
            _ = try await makeAccount("xc-page", app, role: "inspectionGroup", division: "361102")
            let page = TestClient(app: app)
            try await page.login("xc-page", "Str0ng@2026-pw")
            let html = try await page.send(.GET, "/oversight/handovers")
            #expect(html.status == .ok && html.body.string.contains("自来水管老化破裂"))
            let token = try #require(TestClient.csrfToken(in: html.body.string))
            let refused = try await page.send(
                .POST, "/oversight/handovers", form: ["_csrf": token, "divisionCode": "", "title": "", "problem": "垃圾清运不及时，居民反映多次", "deadline": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("ho-title-error") && refused.body.string.contains("ho-division-error"))
            #expect(refused.body.string.contains("垃圾清运不及时，居民反映多次"))
        }
    }
}
