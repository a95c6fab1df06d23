import Foundation
import Testing
import Vapor
import Fluent
@testable import LianxinServer

/// #16 item 3: the demo city's accounts share a published password and TOTP secret, so they must
/// never appear in production or beside a real deployment's accounts.
@Suite("Demo city: seeded only where it cannot become a door with a published key")
struct DemoSeederTests {
    @Test func item03_demoAccountsAreRefusedInProduction() async throws {
        try await withLianxin(settings: ["LIANXIN_ENV": "production", "LIANXIN_BCRYPT_COST": "10"]) { app, _ in
            await #expect(throws: DemoSeeder.Refusal.self) { _ = try await DemoSeeder(application: app).run() }
            let users = try await User.query(on: app.db).count()
            let divisions = try await Division.query(on: app.db).count()
            #expect(users == 0)
            #expect(divisions == 0, "nothing is half-seeded")
        }
    }

    @Test func item03_demoAccountsAreRefusedBesideRealAccounts() async throws {
        try await withLianxin { app, _ in
            let county = Division()
            county.id = "361102"
            county.name = "信州区"
            county.level = "county"
            try await county.create(on: app.db)
            let hash = try await app.password.async.hash("Real@County2026")
            try await User(
                username: "wangfang", displayName: "王芳", passwordHash: hash, role: .admin, divisionCode: "361102",
                departmentID: nil, now: Date()
            ).create(on: app.db)
            let refusal = await #expect(throws: DemoSeeder.Refusal.self) { _ = try await DemoSeeder(application: app).run() }
            #expect(refusal.map { "\($0)" }?.contains("wangfang") == true)
            let admin = try await User.query(on: app.db).filter(\.$username == "admin").first()
            #expect(admin == nil)
        }
    }

    @Test func aDemoDatabaseIsSeededAgainWithoutChange() async throws {
        try await withLianxin(demo: true) { app, _ in
            let accounts = try await User.query(on: app.db).count()
            _ = try await DemoSeeder(application: app).run()
            let after = try await User.query(on: app.db).count()
            #expect(after == accounts)
            #expect(accounts == DemoSeeder.accounts.count)
        }
    }
}

/// #16 item 3 (the rest): what `serve` checks about demo accounts before it listens.
@Suite("Demo city: serving with published credentials")
struct DemoServingTests {
    @Test func item03_serveRefusesProductionWhileDemoAccountsRemain() async throws {
        try await withLianxin(demo: true) { app, _ in
            let seeder = DemoSeeder(application: app)
            let refusal = await #expect(throws: DemoSeeder.Refusal.self) {
                _ = try await seeder.checkBeforeServing(bindAddress: "127.0.0.1", production: true)
            }
            #expect(refusal.map { "\($0)" }?.contains("secadmin") == true)
            // Every demo account disabled or given new credentials: production may start.
            let service = AccountService(application: app, database: app.db)
            for (index, user) in try await User.query(on: app.db).all().enumerated() {
                if user.role.isAdministrator {
                    try await service.disable(user, actor: .commandLine)
                } else {
                    try await service.resetPassword(of: user, to: "Own@2026-chosen-\(index)", actor: .commandLine, selfService: true)
                }
            }
            #expect(try await seeder.checkBeforeServing(bindAddress: "0.0.0.0", production: true).isEmpty)
        }
    }

    @Test func item03_demoPasswordsMustChangeWhenServingBeyondLoopback() async throws {
        try await withLianxin(demo: true) { app, client in
            let seeder = DemoSeeder(application: app)
            #expect(try await seeder.checkBeforeServing(bindAddress: "127.0.0.1").isEmpty)
            #expect(try await seeder.checkBeforeServing(bindAddress: "::1").isEmpty)
            #expect(try await User.query(on: app.db).filter(\.$mustChangePassword == true).count() == 0)
            let lines = try await seeder.checkBeforeServing(bindAddress: "0.0.0.0")
            #expect(lines.first?.contains("operator") == true)
            #expect(try await User.query(on: app.db).filter(\.$mustChangePassword == false).count() == 0)
            try await client.login("operator")
            #expect(try await client.send(.GET, "/").headers.first(name: .location) == "/account?expired=1")
        }
    }

    @Test func item03_theBindAddressIsReadFromServesFlags() async throws {
        try await withLianxin { app, _ in
            func address(_ arguments: [String]) -> String {
                let context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["lianxin", "serve"] + arguments))
                return LianxinServeCommand.bindAddress(context, app)
            }
            #expect(address([]) == app.lianxin.settings.host)
            #expect(address(["--hostname", "0.0.0.0", "--port", "8080"]) == "0.0.0.0")
            #expect(address(["-H", "127.0.0.1"]) == "127.0.0.1")
            #expect(address(["--bind", "10.0.0.5:8080"]) == "10.0.0.5")
            #expect(address(["-b", "[::1]:8080"]) == "::1")
        }
    }
}
