import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

/// Signs in a system administrator of `division` (created with the demo TOTP secret).
func unitAdmin(_ username: String, division: String, _ app: Application) async throws -> TestClient {
    try await makeAccount(username, app, role: "admin", password: "County@2026-x", division: division)
    try await enrolTOTP(username, app)
    let client = TestClient(app: app)
    #expect(try await client.login(username, "County@2026-x").status == .seeOther)
    return client
}

extension TestClient {
    func unitWrite(_ method: HTTPMethod, _ path: String, _ body: [String: Any]) async throws -> TestingHTTPResponse {
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await send(method, path, headers: ["X-CSRF-Token": try await csrf()], raw: (Array(data), .json))
    }
}

func unitID(_ code: String, _ app: Application) async throws -> String {
    try #require(try await Department.query(on: app.db).filter(\.$code == code).first()?.id?.uuidString)
}

@Suite("Handling units (承办单位): API, scope, disabling with open orders")
struct UnitsTests {
    static var team: [String: Any] {
        [
            "code": "XZ-CG-SN", "name": "信州区城管局水南中队", "shortName": "水南中队", "divisionCode": "361102001", "level": "township",
            "parentCode": "XZ-CG", "liaisons": [["name": "王五", "phone": "13800001234"]], "dutyPhone": "0793-8221234",
            "categoryCodes": ["0601"], "activeFrom": "2026-01-01",
        ]
    }

    @Test func item01_unitsAreCreatedEditedMovedAndReadOnlyOnTheAdministratorsLine() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            let created = try await client.unitWrite(.POST, "/api/v1/departments", Self.team)
            #expect(created.status == .created)
            let unit = try created.json(UnitDTO.self)
            #expect(unit.level == "township" && unit.parentCode == "XZ-CG" && unit.categoryCodes == ["0601"])
            #expect(unit.liaisons.map(\.phone) == ["138****1234"], "liaison phones are masked")
            let row = try #require(try await DepartmentLiaison.query(on: app.db).first())
            #expect(!String(decoding: row.phoneCipher, as: UTF8.self).contains("13800001234"))
            #expect(try app.lianxin.cipher.open(row.phoneCipher, for: .departmentLiaisonPhone, row: try row.requireID()) == "13800001234")

            let liaisonID = try row.requireID().uuidString
            let edited = try await client.unitWrite(
                .PATCH, "/api/v1/departments/\(unit.id)", ["name": "水南城管中队", "liaisons": [["id": liaisonID, "name": "王五"]]])
            #expect(edited.status == .ok)
            let editedUnit = try edited.json(UnitDTO.self)
            #expect(editedUnit.name == "水南城管中队" && editedUnit.liaisons.map(\.phone) == ["138****1234"])
            let moved = try await client.unitWrite(.POST, "/api/v1/departments/\(unit.id)/move", ["parentCode": "SR-CG"])
            #expect(try moved.status == .ok && moved.json(UnitDTO.self).parentCode == "SR-CG")
            let otherCounty = try await client.unitWrite(
                .POST, "/api/v1/departments/\(unit.id)/move", ["divisionCode": "361103001", "parentCode": "XZ-CG"])
            #expect(try otherCounty.status == .unprocessableEntity && otherCounty.problemFields() == ["/parentCode"])
            let gf = try await client.unitWrite(.POST, "/api/v1/departments", ["code": "GF-CG", "name": "广丰区城市管理局", "divisionCode": "361103"])
            #expect(gf.status == .created)
            #expect(try await auditActions(app).contains { $0.action == "settings.change" && $0.target == "unit:XZ-CG-SN" })

            // 广丰区's administrator: reads the city's units and its own, never 信州区's; changes only its own.
            let county = try await unitAdmin("gf-admin", division: "361103", app)
            #expect(try await county.send(.GET, "/api/v1/departments/\(unit.id)").status == .notFound)
            let listed = try await county.send(.GET, "/api/v1/departments?limit=500").json(ListPage<UnitDTO>.self)
            #expect(listed.items.contains { $0.code == "SR-CG" } && listed.items.contains { $0.code == "GF-CG" })
            #expect(!listed.items.contains { $0.code.hasPrefix("XZ-") })
            #expect(try await county.unitWrite(.PATCH, "/api/v1/departments/\(unit.id)", ["name": "x"]).status == .notFound)
            #expect(try await county.unitWrite(.PATCH, "/api/v1/departments/\(try await unitID("SR-CG", app))", ["name": "x"]).status == .forbidden)
            let intoXinzhou = try await county.unitWrite(.POST, "/api/v1/departments", ["code": "GF-X", "name": "越界", "divisionCode": "361102"])
            #expect(try intoXinzhou.status == .unprocessableEntity && intoXinzhou.problemFields() == ["/divisionCode"])
            #expect(try await county.unitWrite(.PATCH, "/api/v1/departments/\(try await unitID("GF-CG", app))", ["shortName": "广丰城管"]).status == .ok)

            // Paged by code; a dispatcher reads but may not write.
            let first = try await client.send(.GET, "/api/v1/departments?limit=2&level=city").json(ListPage<UnitDTO>.self)
            #expect(first.items.count == 2 && first.nextCursor != nil)
            let second = try await client.send(.GET, "/api/v1/departments?limit=2&level=city&cursor=\(first.nextCursor!)").json(
                ListPage<UnitDTO>.self)
            #expect(second.items.first.map { $0.code > first.items[1].code } == true)
            let staff = try await Staff.signIn(app)
            #expect(try await staff.dispatcher.unitWrite(.POST, "/api/v1/departments", Self.team).status == .forbidden)
        }
    }

    @Test func item01_badUnitInputIsRefusedWholeWithEveryFieldNamed() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            let before = try await count("departments", app)
            let bad = try await client.unitWrite(
                .POST, "/api/v1/departments",
                [
                    "code": "坏 code", "name": "", "divisionCode": "999999", "liaisons": [["name": "赵六", "phone": "123"]], "dutyPhone": "12",
                    "categoryCodes": ["NOPE"], "activeFrom": "2027-13-01",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(
                Set(try bad.problemFields()) == [
                    "/code", "/name", "/divisionCode", "/liaisons/0/phone", "/dutyPhone", "/categoryCodes/0", "/activeFrom",
                ])
            let taken = try await client.unitWrite(.POST, "/api/v1/departments", ["code": "XZ-CG", "name": "重复", "divisionCode": "361102"])
            #expect(try taken.problemFields() == ["/code"])
            let wrongLevel = try await client.unitWrite(
                .POST, "/api/v1/departments", ["code": "XZ-N", "name": "层级", "divisionCode": "361102", "level": "city"])
            #expect(try wrongLevel.problemFields() == ["/level"])
            let nul = try await client.unitWrite(
                .POST, "/api/v1/departments",
                ["code": "XZ-NUL", "name": "空字符", "divisionCode": "361102", "parentCode": "X\u{0}", "categoryCodes": ["\u{0}1"]])
            #expect(Set(try nul.problemFields()) == ["/parentCode", "/categoryCodes/0"], "a NUL is a bad value, not a database error")
            #expect(try await client.send(.GET, "/api/v1/departments?parent=%00").status == .unprocessableEntity)
            #expect(try await count("departments", app) == before, "nothing written")

            #expect(try await client.unitWrite(.POST, "/api/v1/departments", Self.team).status == .created)
            let cycle = try await client.unitWrite(.POST, "/api/v1/departments/\(try await unitID("XZ-CG", app))/move", ["parentCode": "XZ-CG-SN"])
            #expect(try cycle.status == .unprocessableEntity && cycle.problemFields() == ["/parentCode"])
            let orphan = try await client.unitWrite(.POST, "/api/v1/departments/\(try await unitID("XZ-CG", app))/move", ["divisionCode": "361103"])
            #expect(try orphan.problemFields().contains("/divisionCode"), "its sub-unit would lie outside the new division")
            let junk = try await client.send(
                .POST, "/api/v1/departments", headers: ["X-CSRF-Token": try await client.csrf()], raw: (Array("{\"code\": 5".utf8), .json))
            #expect(junk.status.code >= 400 && junk.status.code < 500)
        }
    }

    @Test func item01_disablingAUnitWithOpenOrdersAsksWhereTheyGoAndRedispatchesThem() async throws {
        try await withLianxin(demo: true) { app, client in
            let staff = try await Staff.signIn(app)
            let order = try await staff.create().json(WorkOrderDTO.self)
            let cg = try await unitID("XZ-CG", app)
            #expect(try await staff.act(staff.dispatcher, order.id.uuidString, ["action": "dispatch", "departmentId": cg]).status == .ok)
            try await client.login("admin")
            let asked = try await client.unitWrite(.POST, "/api/v1/departments/\(cg)/disable", [:])
            #expect(try asked.status == .conflict && asked.problemFields() == ["/reassignTo"])
            #expect(asked.body.string.contains("1"))
            let gf = try await client.unitWrite(.POST, "/api/v1/departments", ["code": "GF-CG", "name": "广丰区城市管理局", "divisionCode": "361103"])
            #expect(gf.status == .created)
            let wrongCounty = try await client.unitWrite(.POST, "/api/v1/departments/\(cg)/disable", ["reassignTo": "GF-CG"])
            #expect(try wrongCounty.status == .unprocessableEntity && wrongCounty.problemFields() == ["/reassignTo"])
            #expect(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first()?.active == true)

            let done = try await client.unitWrite(.POST, "/api/v1/departments/\(cg)/disable", ["reassignTo": "XZ-ZJ"])
            #expect(done.status == .ok)
            #expect(try done.field("redispatched") as? Int == 1)
            let after = try #require(try await WorkOrder.find(order.id, on: app.db))
            #expect(after.departmentID?.uuidString == (try await unitID("XZ-ZJ", app)) && after.status == "dispatched")
            let last = try #require(
                try await WorkOrderEventRecord.query(on: app.db).filter(\.$orderID == order.id).sort(\.$sequence, .descending).first())
            #expect(last.kind == "redispatched" && last.actor == "system")
            #expect(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first()?.active == false)
            let list = try await client.send(.GET, "/api/v1/departments?limit=500").json(ListPage<UnitDTO>.self)
            #expect(!list.items.contains { $0.code == "XZ-CG" }, "the list shows active units by default")
        }
    }
}
