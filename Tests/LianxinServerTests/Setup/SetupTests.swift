import ConsoleKit
import Fluent
import Foundation
import LianxinCore
import Testing
import Vapor
import VaporTesting

@testable import LianxinServer

/// #17 first-run setup: `lianxin setup` from an empty database with the real divisions of 峡江县, and
/// the readiness check that says what still blocks dispatching.
@Suite(.serialized) struct SetupTests {
    static let county = "360823"
    static let divisionsPath = repositoryRoot + "/../shared/data/divisions/jiangxi_townships_2023.csv"

    /// The county's files as a county would write them: units (a bureau per catalogue role at the
    /// county, a government and an enforcement team per township), the role mapping and accounts.
    struct CountyFiles {
        let folder: String
        var units: String { folder + "/units.csv" }
        var roles: String { folder + "/roles.csv" }
        var users: String { folder + "/users.csv" }

        init(townships: [String]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("county-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let county = SetupTests.county
            let bureaus = [
                "城管", "住建", "供水", "供电", "燃气", "生态环境", "公安", "交警", "交通", "人社", "农业农村", "医保", "卫健", "市场监管", "应急管理",
                "政务服务", "教育", "文旅", "残联", "民政", "水利", "消防", "纪委监委", "综治", "网格", "自然资源", "通信管理", "司法",
            ]
            var units = "code,name,division_code,liaisons\n"
            var roles = "division_code,role,unit_code\n"
            for (index, role) in bureaus.enumerated() {
                units += "\(county)-B\(index),峡江县\(role)单位,\(county),联络员:139079100\(String(format: "%02d", index))\n"
                roles += "\(county),\(role),\(county)-B\(index)\n"
            }
            for (index, township) in townships.enumerated() {
                units += "\(township)-ZF,乡镇政府\(index),\(township),乡镇联络员:138079100\(String(format: "%02d", index))\n"
                units += "\(township)-ZH,综合执法队\(index),\(township),执法联络员:137079100\(String(format: "%02d", index))\n"
                roles += "\(township),乡镇,\(township)-ZF\n\(township),综合执法,\(township)-ZH\n"
            }
            try units.write(toFile: folder + "/units.csv", atomically: true, encoding: .utf8)
            try roles.write(toFile: folder + "/roles.csv", atomically: true, encoding: .utf8)
            let first = townships[0]
            try """
            username,name,role,division,unit
            dispatcher1,派单员甲,派单员,\(county),
            operator1,话务员乙,话务受理员,\(county),
            handler1,执法队员丙,承办人员,\(first),\(first)-ZH

            """.write(toFile: folder + "/users.csv", atomically: true, encoding: .utf8)
        }
    }

    private func setup(_ app: Application, _ arguments: [String]) async throws {
        var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["lianxin"] + arguments))
        context.application = app
        try await SetupCommand().run(using: &context)
    }

    private func townships(_ app: Application) async throws -> [String] {
        try await Division.query(on: app.db).filter(\.$level == "township").within(\.$id, DivisionCode(Self.county)!).all(\.$id).sorted()
    }

    @Test func item17_setupFromAnEmptyDatabaseLoadsOneCountyAndRoutesItsOrdersToTheTownshipsUnits() async throws {
        guard FileManager.default.fileExists(atPath: Self.divisionsPath) else {
            print("skipping: \(Self.divisionsPath) is not beside the project")
            return
        }
        try await withLianxin { app, _ in
            try await setup(app, ["--county", Self.county, "--divisions", Self.divisionsPath])
            let townships = try await townships(app)
            #expect(townships.count == 12, "峡江县 has 12 townships, streets and parks in the 2023 file")
            #expect(try await Division.query(on: app.db).count() == 15, "the province, the city, the county and its townships, nothing else")

            let before = try await ReadinessReport.make(
                within: DivisionCode(Self.county)!, on: app.db, localizer: app.lianxin.localizer, language: .zhCN)
            #expect(!before.ready)
            #expect(before.lines.contains { $0.check == "units" && $0.message == "还没有启用的承办单位" && $0.link == "/admin/units/new" })

            let files = try CountyFiles(townships: townships)
            defer { try? FileManager.default.removeItem(atPath: files.folder) }
            try await setup(
                app,
                [
                    "--county", Self.county, "--units", files.units, "--catalogue", "default", "--roles", files.roles, "--users", files.users,
                    "--passwords-out", files.folder + "/passwords.csv",
                ])
            #expect(try await Department.query(on: app.db).count() == 28 + 2 * 12)
            #expect(try await User.query(on: app.db).filter(\.$mustChangePassword == true).count() == 3)

            let after = try await ReadinessReport.make(
                within: DivisionCode(Self.county)!, on: app.db, localizer: app.lianxin.localizer, language: .zhCN)
            #expect(after.lines.filter { $0.severity == "blocker" }.map(\.check) == [], "every category routes in every township")
            #expect(after.ready)

            // 暴露垃圾 in 马埠镇 goes to 马埠镇's enforcement team, a water leak to the county's water company.
            let catalog = try await ReferenceData.catalog(ReferenceData.Cache(restDayReceipt: .nextWorkingDay), on: app.db)
            let mabu = DivisionCode("360823101")!
            #expect(Routing.department(for: try #require(catalog.categories["0101"]), in: mabu, catalog: catalog)?.code == "360823101-ZH")
            let water = try #require(catalog.categories.values.first { $0.roles == "供水" })
            #expect(Routing.department(for: water, in: mabu, catalog: catalog)?.divisionCode == Self.county)
        }
    }

    @Test func item17_badSetupFilesAreRefusedWithEveryProblemAndNothingWritten() async throws {
        guard let text = try? String(contentsOfFile: Self.divisionsPath, encoding: .utf8) else {
            print("skipping: \(Self.divisionsPath) is not beside the project")
            return
        }
        try await withLianxin { app, _ in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try text.write(toFile: folder + "/divisions.csv", atomically: true, encoding: .utf8)
            try await setup(app, ["--county", Self.county, "--divisions", folder + "/divisions.csv"])

            // Unknown division, a code twice, a cycle, a unit of another county: all named, nothing written.
            try """
            code,name,division_code,parent_code,liaisons
            X1,未知区划的单位,360823999,,某:13900000000
            DUP,重复甲,360823,,某:13900000000
            DUP,重复乙,360823,,某:13900000000
            A,循环甲,360823,B,某:13900000000
            B,循环乙,360823,A,某:13900000000
            XG-CG,新干县城管局,360824,,某:13900000000

            """.write(toFile: folder + "/units.csv", atomically: true, encoding: .utf8)
            let problems = try await refused(app, ["--county", Self.county, "--units", folder + "/units.csv"])
            #expect(problems.contains { $0.field == "line 2, division_code" })
            #expect(problems.contains { $0.field == "line 4, code" })
            #expect(problems.contains { $0.field == "line 5, parent_code" } && problems.contains { $0.field == "line 6, parent_code" })
            #expect(problems.contains { $0.field == "line 7, division_code" && $0.message.contains("不在本县范围内") })
            #expect(try await Department.query(on: app.db).count() == 0)

            // A cycle in the catalogue tree.
            try "code,name,parent_code\n90,甲,91\n91,乙,90\n".write(toFile: folder + "/catalogue.csv", atomically: true, encoding: .utf8)
            let categories = try await Category.query(on: app.db).count()
            let cycle = try await refused(app, ["--county", Self.county, "--catalogue", folder + "/catalogue.csv"])
            #expect(cycle.contains { $0.field == "line 2, parent_code" } && cycle.contains { $0.field == "line 3, parent_code" })
            #expect(try await Category.query(on: app.db).count() == categories)

            // An account of another county.
            try "username,name,role,division\nother1,外县话务员,话务受理员,360824\n".write(toFile: folder + "/users.csv", atomically: true, encoding: .utf8)
            let account = try await refused(app, ["--county", Self.county, "--users", folder + "/users.csv"])
            #expect(account.contains { $0.field == "line 2, division" })
            #expect(try await User.query(on: app.db).count() == 0)

            // A division file with a code twice and a bad code.
            try
                "code,level,name,parent_code\n360823,county,峡江县,3608\n360823100,township,甲,360823\n360823100,township,乙,360823\n36082310x,township,丙,360823\n"
                .write(toFile: folder + "/bad-divisions.csv", atomically: true, encoding: .utf8)
            let divisions = try await Division.query(on: app.db).count()
            await #expect(throws: CommandFailure.self) {
                try await setup(app, ["--county", Self.county, "--divisions", folder + "/bad-divisions.csv"])
            }
            #expect(try await Division.query(on: app.db).count() == divisions)
        }
    }

    /// Runs setup expecting a refusal and returns the problems it listed.
    private func refused(_ app: Application, _ arguments: [String]) async throws -> [Problem.FieldError] {
        do {
            try await setup(app, arguments)
        } catch let failure as CommandFailure {
            return failure.problems
        }
        Issue.record("setup \(arguments) was not refused")
        return []
    }

    @Test func item17_theReadinessPageListsWhatBlocksWithLinksAndOnlyForTheAdministrator() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            let page = try await client.send(.GET, "/admin/readiness")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("上线检查"))
            #expect(html.contains("/grid-map/") || html.contains("readiness-state"))
            let api = try await client.send(.GET, "/api/v1/readiness")
            #expect(api.status == .ok)
            struct Body: Decodable {
                struct Line: Decodable {
                    let check: String
                    let severity: String
                    let message: String
                    let link: String
                }
                let ready: Bool
                let findings: [Line]
            }
            let body = try JSONDecoder().decode(Body.self, from: Data(api.body.readableBytesView))
            #expect(body.findings.allSatisfy { !$0.message.isEmpty && $0.link.hasPrefix("/") })
            #expect(body.findings.allSatisfy { Readiness.Check(rawValue: $0.check) != nil })
            #expect(body.ready == !body.findings.contains { $0.severity == "blocker" })

            let operatorClient = TestClient(app: app)
            try await operatorClient.login("operator")
            #expect(try await operatorClient.send(.GET, "/admin/readiness").status == .forbidden)
            #expect(try await operatorClient.send(.GET, "/api/v1/readiness").status == .forbidden)
        }
    }

    /// A multipart form body (fields only), as a browser sends the division step without a file.
    private func multipart(_ fields: [String: String]) -> (bytes: [UInt8], type: HTTPMediaType) {
        let boundary = "lianxin-\(UUID().uuidString)"
        var body = ""
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return (Array(body.utf8), HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    @Test func item17_theFirstRunPageNeedsTheSetupCodeAndCreatesTheThreeAdministratorsAllOrNone() async throws {
        try await withLianxin { app, client in
            let page = try await client.send(.GET, "/setup")
            #expect(page.status == .ok && page.body.string.contains("首次设置"))
            let csrf = try #require(TestClient.csrfToken(in: page.body.string))
            let code = SetupCode.code(app.lianxin.cipher)

            let wrong = try await client.send(
                .POST, "/setup/divisions", raw: multipart(["_csrf": csrf, "code": "0000-0000-0000", "source": "shipped"]))
            #expect(wrong.status == .forbidden && wrong.body.string.contains("设置码不正确"))
            #expect(try await Division.query(on: app.db).count() == 0)

            let choice = try await client.send(
                .POST, "/setup/divisions", raw: multipart(["_csrf": csrf, "code": code.lowercased(), "source": "shipped"]))
            #expect(choice.status == .ok && choice.body.string.contains("信州区"))
            let token = try #require(choice.body.string.firstMatch(of: /name="token" value="([A-Za-z0-9]+)"/)?.1)
            let loaded = try await client.send(
                .POST, "/setup/county", form: ["_csrf": csrf, "code": code, "token": String(token), "county": "361102"])
            #expect(loaded.status == .ok && loaded.body.string.contains("accounts-form"))
            #expect(try await Division.find("361102", on: app.db) != nil)
            #expect(try await Division.find("361103", on: app.db) == nil, "only the county chosen and its line")

            var form = ["_csrf": csrf, "code": code, "county": "361102"]
            for prefix in ["admin", "secadmin", "auditor"] {
                form["\(prefix)_username"] = "first-\(prefix)"
                form["\(prefix)_name"] = "管理员\(prefix)"
                form["\(prefix)_password"] = "Str0ng@2026-first"
            }
            form["auditor_password"] = "weak"
            let refused = try await client.send(.POST, "/setup/accounts", form: form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("s-auditor_password-error") && refused.body.string.contains("value=\"first-admin\""))
            #expect(try await User.query(on: app.db).count() == 0, "none of the three is created while one is wrong")

            form["auditor_password"] = "Str0ng@2026-first"
            let done = try await client.send(.POST, "/setup/accounts", form: form)
            #expect(done.status == .ok)
            #expect(done.body.string.components(separatedBy: "class=\"qr-code\"").count == 4, "each administrator's second factor, once")
            let users = try await User.query(on: app.db).sort(\.$username).all()
            #expect(users.map(\.role) == [.admin, .auditor, .securityAdmin])
            #expect(users.map(\.mustChangePassword) == [false, true, true], "the two other administrators choose their own passwords")
            #expect(users.allSatisfy { $0.totpSecretCipher != nil })

            #expect(try await client.send(.GET, "/setup").headers.first(name: .location) == "/login", "the first run is over")
            let again = try await client.send(.POST, "/setup/accounts", form: form)
            #expect(again.headers.first(name: .location) == "/login")
            #expect(try await User.query(on: app.db).count() == 3)
            let late = try await client.send(.POST, "/setup/divisions", raw: multipart(["_csrf": csrf, "code": code, "source": "shipped"]))
            #expect(
                late.status == .unauthorized || late.headers.first(name: .location) == "/login", "afterwards only an administrator loads divisions")
        }
    }
}
