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
