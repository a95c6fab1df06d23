import Foundation
import Testing
import VaporTesting
import Fluent
import SQLKit
@testable import LianxinServer
import LianxinCore

@Suite("Resident registry: import, search, privacy and grid scope")
struct ResidentRegistryTests {
    static let header = "grid_code,building,door,name,id_number,phone,relation,tags\n"
    static let csvType = HTTPMediaType(type: "text", subType: "csv")

    /// The first two grids of 上滩头社区: the demo grid member serves the first only.
    private func demoGrids(_ app: Application) async throws -> (served: String, other: String) {
        let grids = try await Grid.query(on: app.db).filter(\.$communityCode == DemoResidents.community).filter(\.$validTo == nil).sort(\.$code).all()
        try #require(grids.count >= 2)
        return (grids[0].code, grids[1].code)
    }

    private func signIn(_ username: String, _ app: Application) async throws -> (client: TestClient, csrf: String) {
        let client = TestClient(app: app)
        try await client.login(username)
        return (client, try await client.csrf())
    }

    private func importCSV(_ text: String, as staff: (client: TestClient, csrf: String)) async throws -> TestingHTTPResponse {
        try await staff.client.send(.POST, "/api/v1/residents/import", headers: ["X-CSRF-Token": staff.csrf], raw: (Array(text.utf8), Self.csvType))
    }

    private func fields(_ response: TestingHTTPResponse) throws -> [String] {
        let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
        return (body["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    private func residents(_ query: String, _ client: TestClient) async throws -> [ResidentDTO] {
        let response = try await client.send(.GET, "/api/v1/residents?\(query)")
        #expect(response.status == .ok, "\(query): \(response.body.string)")
        return try response.json(ListPage<ResidentDTO>.self).items
    }

    @Test func aCleanFileIsImportedWithBuildingsHouseholdsAndEncryptedNumbers() async throws {
        try await withLianxin(demo: true) { app, _ in
            let grids = try await demoGrids(app)
            let staff = try await signIn("community", app)
            let before = try await count("residents", app)
            let head = DemoResidents.idNumber("361102", "19560101", 11)
            // Chinese headers and a BOM, as Excel saves "CSV UTF-8".
            let text =
                "\u{FEFF}网格编码,楼栋,门牌号,姓名,身份证号,联系电话,与户主关系,人员标签,户标签\n"
                + "\(grids.served),滨江花园 2 栋,2-301,赵大山,\(head),138 0793 2001,户主,独居老人;重点人员,困难户\n"
                + "\(grids.served),滨江花园 2 栋,2-302,钱小红,\(DemoResidents.idNumber("361102", "19900808", 22)),,head,,\n"
                + "\(grids.other),滨江花园 9 栋,1-101,孙立,\(DemoResidents.idNumber("360702", "20000229", 33)),0793-8201111,head,,\n"
            let response = try await importCSV(text, as: staff)
            #expect(response.status == .ok, "\(response.body.string)")
            #expect(try response.field("residents") as? Int == 3)
            #expect(try response.field("households") as? Int == 3)
            #expect(try response.field("buildings") as? Int == 2)
            #expect(try await count("residents", app) == before + 3)

            let stored = try #require(try await Resident.query(on: app.db).filter(\.$name == "赵大山").first())
            #expect(!String(decoding: stored.idNumberCipher, as: UTF8.self).contains(head), "encrypted at rest")
            #expect(stored.idNumberIndex == app.lianxin.cipher.blindIndex(head))
            #expect(stored.phoneIndex == app.lianxin.cipher.blindIndex("13807932001"))
            #expect(stored.birthDate == "1956-01-01" && stored.gender == "male")
            #expect(TagList.decode(stored.tags) == ["livingAloneElderly", "keyPerson"])
            let household = try #require(try await Household.find(stored.householdID, on: app.db))
            #expect(household.headResidentID == stored.id)
            #expect(TagList.decode(household.tags) == ["hardship"])
            #expect(try await auditActions(app).contains { $0.action == "residents.import" && $0.result == "success" })
        }
    }

    @Test func aBadFileListsEveryProblemWithItsLineAndWritesNothing() async throws {
        try await withLianxin(demo: true) { app, _ in
            let grids = try await demoGrids(app)
            let staff = try await signIn("community", app)
            let registered = try #require(try await Resident.query(on: app.db).filter(\.$name == "王秀英").first())
            let registeredNumber = try app.lianxin.cipher.open(registered.idNumberCipher, for: .residentIDNumber, row: try registered.requireID())
            var badChecksum = DemoResidents.idNumber("361102", "19800101", 15)
            badChecksum = String(badChecksum.dropLast()) + (badChecksum.last == "1" ? "2" : "1")
            let twin = DemoResidents.idNumber("361102", "19810202", 17)
            let rows = [
                "\(grids.served),新楼,1,甲,\(badChecksum),,head,",  // line 2: checksum
                "\(grids.served),新楼,2,乙,36110219990230001X,,head,",  // line 3: 30 February
                "\(grids.served),新楼,3,丙,\(DemoResidents.idNumber("361102", "20990101", 19)),,head,",  // line 4: in the future
                "361102001001999,新楼,4,丁,\(DemoResidents.idNumber("361102", "19820303", 21)),,head,",  // line 5: unknown grid
                "\(grids.served),新楼,5,戊,\(twin),,head,",  // line 6
                "\(grids.served),新楼,6,己,\(twin),,head,",  // line 7: repeats line 6
                "\(grids.served),新楼,7,庚,\(registeredNumber),,head,",  // line 8: already registered
                "\(grids.served),新楼,8,辛,\(DemoResidents.idNumber("361102", "19830404", 23)),12345,head,nosuchtag",  // line 9: phone, tag
                "\(grids.served),新楼,9,壬,\(DemoResidents.idNumber("361102", "19840505", 25)),,head,",  // line 10: fine
            ]
            let (residents, households, buildings) = (
                try await count("residents", app), try await count("households", app), try await count("buildings", app)
            )
            staff.client.cookies["lianxin_lang"] = "en"  // these checks read the English messages (#18 item 1)
            let response = try await importCSV(Self.header + rows.joined(separator: "\n") + "\n", as: staff)
            #expect(response.status == .unprocessableEntity)
            let reported = try fields(response)
            #expect(
                reported == [
                    "/rows/2/idNumber", "/rows/3/idNumber", "/rows/4/idNumber", "/rows/5/grid", "/rows/7/idNumber",
                    "/rows/8/idNumber", "/rows/9/phone", "/rows/9/tags",
                ])
            let body = response.body.string
            #expect(body.contains("check character") && body.contains("not a real date") && body.contains("in the future"))
            #expect(body.contains("repeats line 6") && body.contains("already registered") && body.contains("361102001001999"))
            #expect(!body.contains(twin) && !body.contains(registeredNumber), "reports mask the numbers")
            #expect(try await count("residents", app) == residents)
            #expect(try await count("households", app) == households)
            #expect(try await count("buildings", app) == buildings)
            #expect(try await auditActions(app).contains { $0.action == "residents.import" && $0.result == "failure" })
        }
    }

    @Test func aGridOutsideTheImportersScopeIsRefusedLikeAnUnknownOne() async throws {
        try await withLianxin(demo: true) { app, _ in
            let elsewhere = try #require(try await Grid.query(on: app.db).filter(\.$communityCode == "361102001003").first())
            let staff = try await signIn("community", app)
            let response = try await importCSV(
                Self.header + "\(elsewhere.code),楼,1,某人,\(DemoResidents.idNumber("361102", "19700101", 11)),,head,\n", as: staff)
            #expect(response.status == .unprocessableEntity)
            #expect(try fields(response) == ["/rows/2/grid"])
        }
    }

    @Test func theRegistryIsSearchedByNameTagBuildingAndExactNumbersMaskedByDefault() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await signIn("community", app)
            let client = staff.client
            let all = try await residents("limit=500", client)
            #expect(all.count == 6)
            let byName = try await residents("name=\("建国".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", client)
            #expect(byName.map(\.name) == ["李建国"])
            let lee = try #require(byName.first)
            #expect(lee.idNumber.count == 18 && lee.idNumber.hasPrefix("361102") && lee.idNumber.contains("********"))
            #expect(lee.phone == "138****1002")
            #expect(lee.buildingName == "上滩头小区 1 栋" && lee.door == "1-102")
            #expect(try await residents("tag=hardship", client).map(\.name) == ["李建国"])
            let lonely = "独居老人".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(try await residents("tag=\(lonely)", client).map(\.name) == ["王秀英"])
            #expect(try await client.send(.GET, "/api/v1/residents?tag=nosuchtag").status == .unprocessableEntity)
            let building = "5 栋".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(Set(try await residents("building=\(building)", client).map(\.name)) == ["张伟", "陈桂兰"])
            #expect(try await residents("building=\(lee.buildingId)", client).count == 4)
            let number = DemoResidents.idNumber("361102", "19680701", 131)
            #expect(try await residents("idNumber=\(number)", client).map(\.name) == ["李建国"])
            #expect(try await residents("idNumber=\(number.dropLast())0", client).isEmpty)
            #expect(
                try await residents("phone=\("+86 138-0793-1005".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", client).map(\.name)
                    == ["张伟"])
            #expect(try await residents("phone=0793-8201234", client).map(\.name) == ["陈桂兰"])
            let listed = try await client.send(.GET, "/api/v1/residents?limit=500").body.string
            #expect(!listed.contains(number) && !listed.contains("13807931002"), "nothing unmasked in lists")

            let first = try await client.send(.GET, "/api/v1/residents?limit=4").json(ListPage<ResidentDTO>.self)
            let cursor = try #require(first.nextCursor)
            let second = try await client.send(.GET, "/api/v1/residents?limit=4&cursor=\(cursor)").json(ListPage<ResidentDTO>.self)
            #expect(second.nextCursor == nil)
            #expect(Set((first.items + second.items).map(\.id)) == Set(all.map(\.id)))
            #expect(
                try await client.send(.GET, "/api/v1/resident-tags").json([ResidentTagDTO].self).contains {
                    $0.code == "leftBehindChild" && $0.chineseLabel == "留守儿童"
                })
        }
    }

    @Test func unmaskingNeedsThePermissionAndAReasonAndIsAudited() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await signIn("community", app)
            let lee = try #require(
                try await residents("name=\("李建国".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", staff.client).first)
            let path = "/api/v1/residents/\(lee.id)/unmask"
            #expect(
                try await staff.client.send(.POST, path, headers: ["X-CSRF-Token": staff.csrf], json: ["reason": " "]).status == .unprocessableEntity)
            let shown = try await staff.client.send(.POST, path, headers: ["X-CSRF-Token": staff.csrf], json: ["reason": "核实低保申请"])
            #expect(shown.status == .ok)
            #expect(try shown.field("idNumber") as? String == DemoResidents.idNumber("361102", "19680701", 131))
            #expect(try shown.field("phone") as? String == "13807931002")
            #expect(try await auditActions(app).contains { $0.action == "personal-data.unmask" && $0.target == "resident:\(lee.id)" })

            let leader = try await signIn("leader", app)
            #expect(try await leader.client.send(.GET, "/api/v1/residents/\(lee.id)").status == .ok)
            #expect(try await leader.client.send(.POST, path, headers: ["X-CSRF-Token": leader.csrf], json: ["reason": "想看看"]).status == .forbidden)
            let operatorClient = try await signIn("operator", app)
            #expect(try await operatorClient.client.send(.GET, "/api/v1/residents").status == .forbidden, "the registry is not the hotline's")
        }
    }

    @Test func aGridMemberSeesOnlyTheHouseholdsOfTheirGrids() async throws {
        try await withLianxin(demo: true) { app, _ in
            let grids = try await demoGrids(app)
            let member = try await signIn("gridmember", app)
            let mine = try await residents("limit=500", member.client)
            #expect(mine.count == 4 && mine.allSatisfy { $0.gridCode == grids.served })
            let households = try await member.client.send(.GET, "/api/v1/households").json(ListPage<HouseholdDTO>.self).items
            #expect(households.count == 2 && households.allSatisfy { $0.gridCode == grids.served })

            let other = try #require(try await Resident.query(on: app.db).filter(\.$gridCode == grids.other).first())
            let otherID = try other.requireID()
            #expect(try await member.client.send(.GET, "/api/v1/residents/\(otherID)").status == .notFound)
            #expect(try await member.client.send(.GET, "/api/v1/households/\(other.householdID)").status == .notFound)
            #expect(
                try await member.client.send(
                    .POST, "/api/v1/residents/\(otherID)/unmask", headers: ["X-CSRF-Token": member.csrf],
                    json: ["reason": "走访核实"]
                ).status == .notFound)
            let missing = try await member.client.send(.GET, "/api/v1/residents/\(UUID())")
            let outside = try await member.client.send(.GET, "/api/v1/residents/\(otherID)")
            let (missingDetail, outsideDetail) = (try missing.field("detail") as? String, try outside.field("detail") as? String)
            #expect(missing.status == outside.status && missingDetail == outsideDetail)
            #expect(try await residents("grid=\(grids.other)", member.client).isEmpty)
            #expect(
                try await residents(
                    "idNumber=\(try app.lianxin.cipher.open(other.idNumberCipher, for: .residentIDNumber, row: try other.requireID()))", member.client
                ).isEmpty)
            let detail = try await member.client.send(.GET, "/api/v1/households/\(mine[0].householdId)")
            #expect(detail.status == .ok)
            #expect(try detail.json(HouseholdDTO.self).members?.isEmpty == false)
            #expect(try await auditActions(app).contains { $0.action == "scope.denied" && $0.target == "resident:\(otherID)" })

            let community = try await signIn("community", app)
            #expect(
                try await community.client.send(.GET, "/api/v1/households/\(other.householdID)").status == .ok,
                "community staff see the whole community")
        }
    }

    private func export(
        _ staff: (client: TestClient, csrf: String), unmasked: Bool = false, reason: String? = "换届选举", query: String = ""
    ) async throws -> TestingHTTPResponse {
        var body: [String: Any] = ["unmasked": unmasked]
        if let reason { body["reason"] = reason }
        return try await staff.client.send(
            .POST, "/api/v1/residents/exports" + query, headers: ["X-CSRF-Token": staff.csrf],
            raw: (Array(try JSONSerialization.data(withJSONObject: body)), .json))
    }

    @Test func exportsAreMaskedWithoutThePersonalDataPermissionAndAlwaysAudited() async throws {
        try await withLianxin(demo: true) { app, _ in
            let number = DemoResidents.idNumber("361102", "19680701", 131)
            let supervisor = try await signIn("supervisor", app)
            let masked = try await export(supervisor)
            #expect(masked.status == .ok)
            let text = masked.body.string
            #expect(text.hasPrefix("\u{FEFF}grid_code,community_code,building"))
            #expect(text.contains("李建国") && text.contains("138****1002") && !text.contains(number) && !text.contains("13807931002"))
            #expect(text.split(separator: "\r\n").count == 7)
            #expect(try await export(supervisor, unmasked: true).status == .forbidden, "full numbers need the personal-data export permission")

            let leader = try await signIn("leader", app)
            #expect(try await export(leader, unmasked: true, reason: nil).status == .unprocessableEntity, "a reason is needed")
            let full = try await export(leader, unmasked: true)
            #expect(full.status == .ok && full.body.string.contains(number) && full.body.string.contains("13807931002"))
            let exports = try await auditActions(app).filter { $0.action == "export" && $0.target == "residents" }
            #expect(exports.count == 2)
            #expect(try await PersonalDataExport.query(on: app.db).count() == 2, "both are in the ledger")
        }
    }

    /// #16 item 4: exports of personal data are POSTs with the session's CSRF token, by a role
    /// with the export permission, with a reason, capped, and alerting on volume.
    @Test func item04_anExportIsAPostWithPermissionReasonCapAndAlert() async throws {
        try await withLianxin(demo: true) { app, _ in
            for username in ["gridmember", "community"] {
                let staff = try await signIn(username, app)
                #expect(try await staff.client.send(.GET, "/api/v1/residents.csv?unmasked=true&reason=x1").status == .notFound)
                #expect(try await export(staff, unmasked: true).status == .forbidden, "\(username) has no export permission")
                #expect(try await export(staff).status == .forbidden)
            }
            let leader = try await signIn("leader", app)
            let forged = try await leader.client.send(
                .POST, "/api/v1/residents/exports", raw: (Array(#"{"unmasked":true,"reason":"cross-site"}"#.utf8), .json))
            #expect(forged.status == .forbidden, "without the session's CSRF token, as a page of another site would send it")
            #expect(try await PersonalDataExport.query(on: app.db).count() == 0)

            app.exportPolicy = ExportPolicy(maskedRowCap: 4, unmaskedRowCap: 2, alertVolume: 25, unmaskedWeight: 10)
            let tooMany = try await export(leader)
            #expect(tooMany.status == .unprocessableEntity)
            #expect(try tooMany.problemFields() == ["/filters"])
            #expect(try await PersonalDataExport.query(on: app.db).count() == 0, "a refused export writes nothing")
            let grid = try #require(try await Resident.query(on: app.db).filter(\.$name == "李建国").first()?.gridCode)
            let narrowed = try await export(leader, unmasked: true, query: "?name=%E6%9D%8E%E5%BB%BA%E5%9B%BD&grid=\(grid)")
            #expect(narrowed.status == .ok)
            #expect(!(try await auditActions(app).contains { $0.action == "export.volume-alert" }), "10 weighted rows, below 25")
            _ = try await export(leader, unmasked: true, query: "?name=%E6%9D%8E%E5%BB%BA%E5%9B%BD&grid=\(grid)")
            _ = try await export(leader, unmasked: true, query: "?name=%E6%9D%8E%E5%BB%BA%E5%9B%BD&grid=\(grid)")
            let alerts = try await auditActions(app).filter { $0.action == "export.volume-alert" }
            #expect(alerts.count == 1, "the third export passes 25 weighted rows and raises one alert")
        }
    }

    /// #16 item 2: the masked ID number stars exactly the birth date's digits, so no masked output
    /// may carry the birth date beside it.
    @Test func item02_aMaskedIDNumberComesWithoutWhatUnmasksIt() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await signIn("community", app)
            let list = try await staff.client.send(.GET, "/api/v1/residents?limit=500")
            #expect(list.status == .ok)
            #expect(!list.body.string.contains("1968-07-01") && !list.body.string.contains("birthDate"))
            let lee = try #require(try await residents("name=%E5%BB%BA%E5%9B%BD", staff.client).first)
            let one = try await staff.client.send(.GET, "/api/v1/residents/\(lee.id)")
            #expect(one.status == .ok && !one.body.string.contains("1968-07-01") && !one.body.string.contains("19680701"))
            let leader = try await signIn("leader", app)
            let masked = try await export(leader).body.string
            let leeLine = try #require(masked.split(separator: "\r\n").first { $0.contains("李建国") })
            #expect(!leeLine.contains("1968-07-01") && leeLine.hasSuffix(",male,"))
            let full = try await export(leader, unmasked: true)
            #expect(full.body.string.contains("1968-07-01"), "the unmasked, audited export keeps the birth date")
        }
    }

    @Test func aGridHasExactlyOneFullTimeGridMember() async throws {
        try await withLianxin(demo: true) { app, _ in
            let grids = try await demoGrids(app)
            _ = try await AccountService(application: app, database: app.db).create(
                .init(
                    username: "gm2", displayName: "网格员 二", password: "Str0ng-pass!", role: "gridMember", divisionCode: DemoResidents.community,
                    departmentCode: nil),
                by: nil, actor: .commandLine)
            let staff = try await signIn("community", app)
            func assign(_ username: String, _ role: String, grid: String) async throws -> TestingHTTPResponse {
                try await staff.client.send(
                    .POST, "/api/v1/grid-staff", headers: ["X-CSRF-Token": staff.csrf],
                    json: ["gridCode": grid, "username": username, "role": role])
            }
            let second = try await assign("gm2", "fullTime", grid: grids.served)
            #expect(second.status == .conflict)
            #expect(try await assign("gm2", "partTime", grid: grids.served).status == .created)
            #expect(try await assign("community", "fullTime", grid: grids.other).status == .unprocessableEntity, "only a grid member account")
            let listed = try await staff.client.send(.GET, "/api/v1/grid-staff?grid=\(grids.served)").json([GridStaffDTO].self)
            #expect(listed.filter { $0.role == "fullTime" }.map(\.username) == ["gridmember"])
            let current = try #require(listed.first { $0.role == "fullTime" })
            #expect(try await staff.client.send(.POST, "/api/v1/grid-staff/\(current.id)/end", headers: ["X-CSRF-Token": staff.csrf]).status == .ok)
            #expect(try await assign("gm2", "fullTime", grid: grids.other).status == .created)

            // The rule holds below the API too.
            let duplicate = GridStaffAssignment()
            duplicate.gridCode = grids.other
            duplicate.userID = current.userId
            duplicate.role = "fullTime"
            duplicate.validFrom = app.lianxin.now()
            await #expect(throws: (any Error).self) { try await duplicate.create(on: app.db) }
            #expect(try await auditActions(app).contains { $0.action == "grid-staff.assign" && $0.target == "grid:\(grids.other)" })

            let member = try await signIn("gridmember", app)
            #expect(try await residents("limit=500", member.client).isEmpty, "an ended assignment no longer opens the grid")
        }
    }
}
