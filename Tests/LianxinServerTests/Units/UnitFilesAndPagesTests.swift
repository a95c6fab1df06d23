import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

@Suite("Handling units: CSV import and export, pages")
struct UnitFilesAndPagesTests {
    static let header = "code,name,short_name,division_code,level,parent_code,liaisons,duty_phone,categories,active_from,active_to,active\n"

    @Test func item01_aBadUnitFileIsRefusedWithEveryBadRowListedAndNothingWritten() async throws {
        try await withLianxin(demo: true) { app, _ in
            let before = try await count("departments", app)
            let bad =
                Self.header
                + "GF-CG,广丰区城市管理局,,361103,,,,,,,,\n"
                + "XX-1,未知区划单位,,999999,,,,,,,,\n"
                + "GF-CG,重复编码,,361103,,,,,,,,\n"
                + "GF-A,甲,,361103001,,GF-B,,,,,,\n"
                + "GF-B,乙,,361103001,,GF-A,,,,,,\n"
                + "GF-T,外县上级,,361103001,,XZ-CG,,,,,,\n"
                + "GF-P,电话错,,361103,,,张三:123,,,,,\n"
            do {
                _ = try await UnitImporter(application: app).importCSV(bad)
                Issue.record("the bad file was accepted")
            } catch let problem as Problem {
                let fields = problem.errors.map(\.field)
                #expect(fields.contains("line 3, division_code"), "unknown division")
                #expect(fields.contains("line 4, code"), "duplicate code")
                #expect(fields.contains("line 5, parent_code") && fields.contains("line 6, parent_code"), "cycle")
                #expect(fields.contains("line 7, parent_code"), "parent of another county")
                #expect(fields.contains("line 8, liaisons"), "bad liaison phone")
                #expect(!fields.contains { $0.hasPrefix("line 2,") }, "a good row is not reported")
            }
            #expect(try await count("departments", app) == before, "nothing written")
            #expect(try await count("department_liaisons", app) == 0)

            let good =
                Self.header + "GF-CG-1,广丰区城管局永丰中队,永丰中队,361103001,township,GF-CG,刘七:13900002222,0793-2621234,0601,2026-01-01,,true\n"
                + "GF-CG,广丰区城市管理局,广丰城管,361103,county,,,,,,,\n" + "XZ-CG,信州区城市管理局,信州城管,361102,county,SR-CG,,,,,,\n"
            let report = try await UnitImporter(application: app).importCSV(good)
            #expect(report.added == 2 && report.updated == 1)
            let team = try #require(try await Department.query(on: app.db).filter(\.$code == "GF-CG-1").first())
            let parent = try #require(try await Department.query(on: app.db).filter(\.$code == "GF-CG").first())
            #expect(team.parentID == parent.id)
            #expect(team.level == "township" && team.acceptedCategories == "0601" && team.dutyPhone == "0793-2621234")
            #expect(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first()?.shortName == "信州城管")
        }
    }

    @Test func item01_exportedUnitsImportIntoAnotherDatabaseAndExportTheSame() async throws {
        var exported = ""
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            #expect(try await client.unitWrite(.POST, "/api/v1/departments", UnitsTests.team).status == .created)
            exported = try await UnitCSV.export(try await Department.query(on: app.db).sort(\.$code).all(), on: app.db, cipher: app.lianxin.cipher)
        }
        #expect(exported.hasPrefix("\u{FEFF}code,name,short_name,division_code,level,parent_code,liaisons"))
        #expect(exported.contains("王五:13800001234"), "the file carries the phone, for the next import")
        try await withLianxin(demo: true) { app, _ in
            let report = try await UnitImporter(application: app).importCSV(exported)
            #expect(report.added == 1)
            let again = try await UnitCSV.export(try await Department.query(on: app.db).sort(\.$code).all(), on: app.db, cipher: app.lianxin.cipher)
            #expect(again == exported)
        }
    }

    @Test func item01_unitPagesRenderInBothLanguagesAndABadFormKeepsWhatWasTyped() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            let list = try await client.send(.GET, "/admin/units")
            #expect(list.status == .ok && list.body.string.contains("承办单位") && list.body.string.contains("信州区城市管理局"))
            #expect(list.body.string.contains("href=\"/admin/units\""), "in the administrator's navigation")
            let form = try await client.send(.GET, "/admin/units/new")
            #expect(form.body.string.contains("<option value=\"361102001\">"), "a division picker, not a typed code")
            let csrf = try #require(TestClient.csrfToken(in: form.body.string))
            let bad = try await client.send(
                .POST, "/admin/units/new",
                form: [
                    "_csrf": csrf, "code": "XZ-NEW", "name": "信州区新建中队", "divisionCode": "361102001", "parentCode": "XZ-CG",
                    "liaison0Name": "孙八", "liaison0Phone": "12345", "categoryCodes": "0601, NOPE",
                ])
            #expect(bad.status == .unprocessableEntity)
            let page = bad.body.string
            #expect(page.contains("value=\"信州区新建中队\"") && page.contains("value=\"孙八\"") && page.contains("value=\"0601, NOPE\""))
            #expect(page.contains("<option value=\"361102001\" selected>") && page.contains("<option value=\"XZ-CG\" selected>"))
            #expect(page.contains("field-error") && page.contains("NOPE"))
            #expect(try await Department.query(on: app.db).filter(\.$code == "XZ-NEW").count() == 0)
            let good = try await client.send(
                .POST, "/admin/units/new",
                form: [
                    "_csrf": csrf, "code": "XZ-NEW", "name": "信州区新建中队", "divisionCode": "361102001", "parentCode": "XZ-CG",
                    "liaison0Name": "孙八", "liaison0Phone": "13900003333", "categoryCodes": "0601",
                ])
            #expect(good.status == .seeOther)
            let id = try await unitID("XZ-NEW", app)
            let edit = try await client.send(.GET, "/admin/units/\(id)")
            #expect(edit.body.string.contains("139****3333") && !edit.body.string.contains("13900003333"), "phones masked on the page")
            let staff = try await Staff.signIn(app)
            let order = try await staff.create().json(WorkOrderDTO.self)
            #expect(try await staff.act(staff.dispatcher, order.id.uuidString, ["action": "dispatch", "departmentId": id]).status == .ok)
            let disable = try await client.send(.GET, "/admin/units/\(id)/disable")
            #expect(
                disable.status == .ok && disable.body.string.contains("id=\"u-waiting\"") && disable.body.string.contains("<option value=\"XZ-CG\">"))
            let unanswered = try await client.send(.POST, "/admin/units/\(id)/disable", form: ["_csrf": csrf, "reassignTo": ""])
            #expect(unanswered.status == .conflict && unanswered.body.string.contains("role=\"alert\""))
            let answered = try await client.send(.POST, "/admin/units/\(id)/disable", form: ["_csrf": csrf, "reassignTo": "XZ-CG"])
            #expect(answered.status == .seeOther)
            #expect(try await WorkOrder.find(order.id, on: app.db)?.departmentID?.uuidString == (try await unitID("XZ-CG", app)))

            client.cookies["lianxin_lang"] = "en"
            let english = try await client.send(.GET, "/admin/units")
            #expect(english.body.string.contains("Handling units") && english.body.string.contains("New unit"))
            let englishForm = try await client.send(.GET, "/admin/units/new")
            #expect(englishForm.body.string.contains("Liaison&#39;s phone") || englishForm.body.string.contains("Liaison's phone"))
        }
    }
}
