import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer

/// #17 "Accounts": `lianxin import users` and the upload on the users page — all or nothing with every problem
/// named by its line; initial passwords generated or given, always changed at first sign-in.
@Suite("#17 accounts: importing accounts")
struct UserImportTests {
    static func grids(_ app: Application) async throws -> [String] {
        try await Grid.query(on: app.db).filter(\.$communityCode == DemoResidents.community).filter(\.$validTo == nil).sort(\.$code).all().map(\.code)
    }

    /// A grid of the demo community with no grid member in force.
    static func freeGrid(_ app: Application) async throws -> String {
        let taken = Set(try await GridStaffAssignment.query(on: app.db).filter(\.$validTo == nil).filter(\.$role == "fullTime").all().map(\.gridCode))
        return try #require(try await grids(app).first { !taken.contains($0) })
    }

    static func upload(_ csv: String, _ client: TestClient) async throws -> TestingHTTPResponse {
        let boundary = "lianxin-import-\(UUID().uuidString)"
        var body = Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(try await client.csrf("/admin/users/import"))\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"users.csv\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += Array(csv.utf8) + Array("\r\n--\(boundary)--\r\n".utf8)
        return try await client.send(
            .POST, "/admin/users/import", raw: (body, HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])))
    }

    @Test func item17_accounts_aGoodFileMakesEveryAccountWithItsGridPhoneAndFirstPassword() async throws {
        try await withLianxin(demo: true) { app, client in
            let grid = try await Self.freeGrid(app)
            let before = try await count("users", app)
            try await client.login("secadmin")
            let csv = """
                username,name,role,division,unit,phone,grid,password
                gm-new,网格员 新,网格员,\(DemoResidents.community),,13900001111,\(grid),
                handler-new,承办人 新,departmentHandler,361102,XZ-CG,,,
                op-new,话务员 新,operator,361102,,,,Given@2026-pw

                """
            let response = try await Self.upload(csv, client)
            #expect(response.status == .ok)
            let page = response.body.string
            #expect(page.contains("gm-new") && page.contains("handler-new") && page.contains("文件中给定的密码"))
            #expect(try await count("users", app) == before + 3)
            let member = try #require(try await User.query(on: app.db).filter(\.$username == "gm-new").first())
            #expect(member.role == .gridMember && member.mustChangePassword)
            let phone = try #require(member.phoneCipher)
            #expect(try app.lianxin.cipher.open(phone, for: .userPhone, row: try member.requireID()) == "13900001111")
            let assignment = try await GridStaffAssignment.query(on: app.db).filter(\.$userID == member.requireID()).filter(\.$validTo == nil).first()
            #expect(assignment?.gridCode == grid && assignment?.role == "fullTime")
            let handler = try #require(try await User.query(on: app.db).filter(\.$username == "handler-new").first())
            #expect(handler.$department.id != nil && handler.mustChangePassword)
            let given = try #require(try await User.query(on: app.db).filter(\.$username == "op-new").first())
            #expect(try await Passwords(application: app).verify("Given@2026-pw", against: given.passwordHash) && given.mustChangePassword)
            #expect(try await auditActions(app).contains { $0.action == "users.import" })

            // The first sign-in with a given initial password leads to the password change.
            let owner = TestClient(app: app)
            #expect(try await owner.login("op-new", "Given@2026-pw").status == .seeOther)
            #expect(try await owner.send(.GET, "/orders").headers.first(name: .location) == "/account?expired=1")
        }
    }

    @Test func item17_accounts_aBadFileListsEveryProblemByLineAndWritesNothing() async throws {
        try await withLianxin(demo: true) { app, client in
            let grid = try await Self.freeGrid(app)
            let taken = try #require(
                try await GridStaffAssignment.query(on: app.db).filter(\.$validTo == nil).filter(\.$role == "fullTime").first()?.gridCode)
            let before = (try await count("users", app), try await count("grid_staff", app))
            try await client.login("secadmin")
            let auditBefore = try await count("audit_entries", app)
            let csv = """
                username,name,role,division,unit,phone,grid,password
                ok-one,好的,operator,361102,,,,
                ok-one,重复,operator,361102,,,,
                sec2,安全,securityAdmin,3611,,,,
                gm-x,网格员,gridMember,999999,,,,
                op-g,话务员,operator,361102,,,\(grid),
                gm-y,网格员 乙,gridMember,\(DemoResidents.community),,12345,\(taken),
                h-x,承办,departmentHandler,361102,,,,
                w-x,某人,wizard,361102,,,,
                p-x,弱密码,operator,361102,,,,abc

                """
            let response = try await Self.upload(csv, client)
            #expect(response.status == .unprocessableEntity)
            let page = response.body.string
            for expected in [
                "已在第 2 行出现", "管理员账号不能批量导入", "区划", "只有网格员账号可以填写网格", "手机或座机号码不正确", "已有专职网格员", "承办人员须属于",
                "没有这个角色", "密码",
            ] {
                #expect(page.contains(expected), "the report names: \(expected)")
            }
            for line in 3...10 { #expect(page.contains("<td>\(line)</td>"), "line \(line) is listed") }
            #expect(try await count("users", app) == before.0, "nothing written")
            #expect(try await count("grid_staff", app) == before.1)
            #expect(try await count("audit_entries", app) == auditBefore)

            // The same file from the command line: refused with the same list, nothing written.
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-users-\(UUID().uuidString).csv").path
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["lianxin", path]))
            context.application = app
            await #expect(throws: CommandFailure.self) { try await UserImportCommand().run(using: &context) }
            #expect(try await count("users", app) == before.0)
        }
    }

    @Test func item17_accounts_theCommandLineImportWritesTheFirstPasswordsToTheChosenFile() async throws {
        try await withLianxin(demo: true) { app, _ in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("users-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try "username,name,role,division\ncli-one,一号,operator,361102\ncli-two,二号,网格员,\(DemoResidents.community)\n"
                .write(toFile: folder + "/users.csv", atomically: true, encoding: .utf8)
            var context = CommandContext(
                console: Terminal(), input: CommandInput(arguments: ["lianxin", folder + "/users.csv", "--passwords-out", folder + "/passwords.csv"]))
            context.application = app
            try await UserImportCommand().run(using: &context)
            let written = try String(contentsOfFile: folder + "/passwords.csv", encoding: .utf8)
            let lines = written.split(whereSeparator: \.isNewline)
            #expect(lines.count == 3 && lines[0] == "username,name,password")
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/passwords.csv")
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "readable by its owner only")
            for line in lines.dropFirst() {
                let fields = line.split(separator: ",").map(String.init)
                let user = try #require(try await User.query(on: app.db).filter(\.$username == fields[0]).first())
                #expect(user.mustChangePassword)
                #expect(try await Passwords(application: app).verify(fields[2], against: user.passwordHash))
            }
        }
    }

    @Test func item17_accounts_userCreateForcesAChangeAtFirstSignInUnlessThePasswordIsFinal() async throws {
        try await withLianxin(demo: true) { app, _ in
            for (name, extra) in [("first-temp", [String]()), ("first-final", ["--password-final"])] {
                var context = CommandContext(
                    console: Terminal(),
                    input: CommandInput(
                        arguments: ["lianxin", "--username", name, "--role", "operator", "--division", "361102", "--password", "Str0ng@2026-pw"]
                            + extra))
                context.application = app
                try await UserCommands.Create().run(using: &context)
            }
            #expect(try await User.query(on: app.db).filter(\.$username == "first-temp").first()?.mustChangePassword == true)
            #expect(try await User.query(on: app.db).filter(\.$username == "first-final").first()?.mustChangePassword == false)
            let temp = TestClient(app: app)
            #expect(try await temp.login("first-temp", "Str0ng@2026-pw").status == .seeOther)
            #expect(try await temp.send(.GET, "/orders").headers.first(name: .location) == "/account?expired=1")
            let final = TestClient(app: app)
            #expect(try await final.login("first-final", "Str0ng@2026-pw").status == .seeOther)
            #expect(try await final.send(.GET, "/orders").status == .ok)
        }
    }
}
