import Foundation
import Testing
import Fluent
import Vapor
import LianxinCore
@testable import LianxinServer

@Suite("Medical-insurance pages: the four files uploaded (report in words, all or nothing), rule settings and thresholds")
struct InsuranceSettingsPagesTests {
    static let password = "Str0ng@2026-pw"

    /// A multipart body of the upload form: the CSRF token, then each file.
    static func multipart(_ csrf: String, _ files: [String: String]) -> (bytes: [UInt8], type: HTTPMediaType) {
        let boundary = "----lianxin-test-boundary"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n"
        for (field, text) in files.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(field).csv\"\r\n"
            body += "Content-Type: text/csv\r\n\r\n\(text)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return (Array(body.utf8), HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    static func registries(_ app: Application, _ output: SettlementGenerator.Output) async throws {
        for (code, name) in [("3611", "上饶市"), ("361102", "信州区"), ("361103", "广丰区")] { try await InsuranceFixture.division(code, name, app) }
        let registry = InsuranceRegistryImporter(application: app)
        _ = try await registry.importInstitutions(InsuranceFixture.institutionsCSV(output))
        _ = try await registry.importPersons(InsuranceFixture.personsCSV(output))
    }

    @Test func theUploadPageRefusesABadFileWithItsReportInWordsThenTakesTheGoodOnesAndScreens() async throws {
        try await withLianxin { app, client in
            let output = InsuranceFixture.output(settlements: 80, injected: 1)
            try await Self.registries(app, output)
            try await makeAccount("fund-xz", app, role: "fundSupervisor", password: Self.password, division: "361102")
            try await client.login("fund-xz", Self.password)
            let csrf = try await client.csrf("/medical-insurance/imports")
            let lines = output.settlementsCSV.components(separatedBy: "\r\n")
            let bad =
                ([
                    lines[0],
                    lines[1].replacingOccurrences(of: ",outpatient,", with: ",clinic,").replacingOccurrences(of: ",inpatient,", with: ",clinic,"),
                ]
                + lines[2...]).joined(separator: "\r\n")
            let refused = try await client.send(
                .POST, "/medical-insurance/imports", raw: Self.multipart(csrf, ["settlements": bad, "items": output.itemsCSV]))
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.contains("id=\"mi-import-report\"") && page.contains("settlements.csv 第 2 行 就诊类型：格式不正确"), "\(page)")
            #expect(try await count("mi_settlements", app) == 0, "nothing of a refused upload is kept")
            #expect(try await count("mi_items", app) == 0)

            let empty = try await client.send(.POST, "/medical-insurance/imports", raw: Self.multipart(csrf, [:]))
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("请选择结算单文件"))

            let accepted = try await client.send(
                .POST, "/medical-insurance/imports",
                raw: Self.multipart(
                    csrf,
                    [
                        "settlements": output.settlementsCSV, "items": output.itemsCSV, "prices": output.pricesCSV,
                        "sexItems": output.sexItemsCSV,
                    ]))
            #expect(accepted.status == .seeOther)
            #expect(try await count("mi_settlements", app) == output.settlements.count)
            let rules = Set(try await InsuranceLead.query(on: app.db).all().map(\.rule))
            #expect(rules.contains("over-price") && rules.contains("duplicate-charge"), "screened straight after the import: \(rules)")
            let location = accepted.headers.first(name: .location) ?? ""
            #expect(try await client.send(.GET, location).body.string.contains("已导入 \(output.settlements.count) 张结算单"))
            #expect(try await auditActions(app).contains { $0.action == "mi-settlements.import" })

            let leader = TestClient(app: app)
            try await makeAccount("leader-xz", app, role: "leader", password: Self.password, division: "361102")
            try await leader.login("leader-xz", Self.password)
            #expect(try await leader.send(.GET, "/medical-insurance/imports").status == .forbidden)
        }
    }

    /// The rule form as it stands: every rule, parameter, points and threshold at its standard value.
    static func standardForm(_ csrf: String) -> [String: String] {
        var form = ["_csrf": csrf]
        for rule in ScreeningRuleSet.standard.rules {
            let kind = rule.kind.rawValue
            form["enabled_\(kind)"] = "on"
            for parameter in ScreeningParameter.read(by: rule.kind) {
                form["param_\(kind)_\(parameter.rawValue)"] = InsuranceRulesPagesController.number(parameter.defaultValue)
            }
            form["ipoints_\(kind)"] = "\(rule.institutionPoints)"
            form["ppoints_\(kind)"] = "\(rule.personPoints)"
        }
        for subject in PointsPolicy.Subject.allCases {
            for (action, points) in PointsPolicy.standard.thresholds(subject) {
                form["threshold_\(subject.rawValue)_\(action.rawValue)"] = "\(points)"
            }
        }
        return form
    }

    @Test func rulesAndThresholdsAreEditedOnOneFormWithRefusalsBesideTheirFields() async throws {
        try await withLianxin { app, client in
            try await makeAccount("fund-xz", app, role: "fundSupervisor", password: Self.password, division: "361102")
            try await client.login("fund-xz", Self.password)
            let csrf = try await client.csrf("/medical-insurance/rules")
            var form = Self.standardForm(csrf)
            form["param_excess-supply_max-days-supply"] = "abc"
            form["threshold_institution_suspend-settlement"] = "5"
            form["ipoints_over-price"] = "-1"
            form["enabled_trauma-check"] = nil
            let refused = try await client.send(.POST, "/medical-insurance/rules", form: form)
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.components(separatedBy: "class=\"field-error\"").count - 1 == 3, "parameter, points, threshold order")
            #expect(page.contains("value=\"abc\"") && page.contains("须大于较轻处理方式的分值"), "what was typed is kept")
            #expect(!page.contains("id=\"enabled_trauma-check\" checked"), "the box left unticked stays unticked")
            #expect(try await count("mi_rule_settings", app) == 0)
            #expect(try await count("mi_points_thresholds", app) == 0)

            form = Self.standardForm(csrf)
            form["enabled_excess-supply"] = nil
            form["param_split-admission_readmission-days"] = "30"
            form["ipoints_over-price"] = "5"
            form["threshold_institution_interview"] = "4"
            form["threshold_person_terminate-agreement"] = "30"
            let saved = try await client.send(.POST, "/medical-insurance/rules", form: form)
            #expect(saved.status == .seeOther)
            let rules = try await InsuranceStore.rules(on: app.db)
            #expect(rules[.excessSupply]?.enabled == false && rules[.overPrice]?.institutionPoints == 5)
            #expect(rules[.splitAdmission]?.value(.readmissionDays) == 30)
            let policy = try await InsuranceStore.policy(on: app.db)
            #expect(policy.thresholds(.institution) == [.interview: 4, .suspendSettlement: 12, .terminateAgreement: 20])
            #expect(policy.thresholds(.person)[.terminateAgreement] == 30)
            #expect(policy.proposals(for: .institution, points: 4, decided: []) == [.interview], "the stored threshold proposes")
            #expect(try await auditActions(app).contains { $0.action == "settings.change" && $0.target == "mi_rule_settings" })
            let again = try await client.send(.GET, "/medical-insurance/rules").body.string
            #expect(again.contains("value=\"30\"") && again.contains("设置已保存") == false)
            for language in ["zh-CN", "en"] {
                client.cookies[Request.languageCookie] = language
                for path in ["/medical-insurance/rules", "/medical-insurance/imports"] {
                    let shown = PageText.visibleText(of: try await client.send(.GET, path).body.string).joined(separator: " ")
                    #expect(
                        !shown.contains("mi_") && !shown.contains("z-threshold") && !shown.contains("excess-supply"), "\(language) \(path): \(shown)")
                }
            }
        }
    }
}
