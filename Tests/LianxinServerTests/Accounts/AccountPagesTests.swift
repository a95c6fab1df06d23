import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer

/// #17 "Accounts": the security administrator edits, re-roles, moves, resets, unlocks, disables and enables an
/// account from its page, within the separation of duties and their division, every action audited.
@Suite("#17 accounts: the account page")
struct AccountPagesTests {
    static func user(_ username: String, _ app: Application) async throws -> User {
        try #require(try await User.query(on: app.db).filter(\.$username == username).first())
    }

    /// The secret shown once on the page (a temporary password).
    static func secret(in html: String) throws -> String {
        let start = try #require(html.range(of: "<code id=\"secret\" class=\"secret-value\">"))
        let end = try #require(html.range(of: "</code>", range: start.upperBound..<html.endIndex))
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func item17_accounts_theSecurityAdminChangesAnAccountFromItsPage() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("secadmin")
            let target = try await Self.user("operator", app)
            let page = "/admin/users/\(try target.requireID())"
            #expect(try await client.send(.GET, "/admin/users").body.string.contains(page), "the list links each account's page")
            let shown = try await client.send(.GET, page)
            #expect(shown.status == .ok && shown.body.string.contains("话务员 王丽"))
            let csrf = try await client.csrf(page)

            // Name and phone: a bad form comes back with each problem beside its field and the input kept.
            let bad = try await client.send(.POST, page + "/profile", form: ["displayName": " ", "phone": "12ab", "_csrf": csrf])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("id=\"displayName-error\"") && bad.body.string.contains("id=\"phone-error\""))
            #expect(bad.body.string.contains("value=\"12ab\""))
            let saved = try await client.send(.POST, page + "/profile", form: ["displayName": "王丽丽", "phone": "138 0000 1234", "_csrf": csrf])
            #expect(saved.status == .seeOther)
            var stored = try await Self.user("operator", app)
            #expect(stored.displayName == "王丽丽")
            let cipher = try #require(stored.phoneCipher)
            #expect(!String(decoding: cipher, as: UTF8.self).contains("13800001234"), "the phone is encrypted at rest")
            let masked = try await client.send(.GET, page).body.string
            #expect(masked.contains("138****1234") && !masked.contains("13800001234"), "and masked on the page")

            // Role and division (picked from the tree, not typed).
            #expect(try await client.send(.POST, page + "/role", form: ["role": "dispatcher", "_csrf": csrf]).status == .seeOther)
            #expect(try await Self.user("operator", app).role == .dispatcher)
            #expect(masked.contains("<select id=\"divisionCode\" name=\"divisionCode\""))
            #expect(try await client.send(.POST, page + "/division", form: ["divisionCode": "361102", "_csrf": csrf]).status == .seeOther)
            #expect(try await Self.user("operator", app).divisionCode == "361102")
            let unknown = try await client.send(.POST, page + "/division", form: ["divisionCode": "999999", "_csrf": csrf])
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("id=\"divisionCode-error\""))

            // A temporary password, shown once, that must be changed at the first sign-in.
            let reset = try await client.send(.POST, page + "/password", form: ["_csrf": csrf])
            #expect(reset.status == .ok)
            let temporary = try Self.secret(in: reset.body.string)
            #expect(temporary.count >= 14 && app.lianxin.passwordPolicy.check(temporary) == nil)
            #expect(try await Self.user("operator", app).mustChangePassword)
            let owner = TestClient(app: app)
            #expect(try await owner.login("operator", temporary).status == .seeOther)
            let forced = try await owner.send(.GET, "/orders")
            #expect(forced.headers.first(name: .location) == "/account?expired=1", "the owner must change it first")

            // Unlock, disable, enable.
            stored = try await Self.user("operator", app)
            stored.lockedUntil = app.lianxin.now().addingTimeInterval(600)
            try await stored.update(on: app.db)
            #expect(try await client.send(.GET, page).body.string.contains("/unlock"))
            #expect(try await client.send(.POST, page + "/unlock", form: ["_csrf": csrf]).status == .seeOther)
            #expect(try await Self.user("operator", app).lockedUntil == nil)
            #expect(try await client.send(.POST, page + "/disable", form: ["_csrf": csrf]).status == .seeOther)
            #expect(try await Self.user("operator", app).active == false)
            #expect(try await client.send(.POST, page + "/enable", form: ["_csrf": csrf]).status == .seeOther)
            #expect(try await Self.user("operator", app).active == true)

            let actions = try await auditActions(app).filter { $0.target == "user:operator" }.map(\.action)
            for action in ["user.update", "user.role.change", "user.move", "user.password.reset", "user.unlock", "user.disable", "user.enable"] {
                #expect(actions.contains(action), "\(action) is audited")
            }
        }
    }

    @Test func item17_accounts_whoMayDoWhichToWhom() async throws {
        try await withLianxin(demo: true) { app, client in
            let operatorID = try await Self.user("operator", app).requireID()
            // The system admin and ordinary roles may not manage accounts.
            for role in ["admin", "dispatcher"] {
                let other = TestClient(app: app)
                try await other.login(role)
                let csrf = try await other.csrf()
                #expect(try await other.send(.GET, "/admin/users/\(operatorID)").status == .forbidden)
                #expect(try await other.send(.POST, "/admin/users/\(operatorID)/password", form: ["_csrf": csrf]).status == .forbidden)
            }
            // A county's security admin: accounts of another division answer 404, and nothing changes.
            try await makeAccount("gf-sec", app, role: "securityAdmin", division: "361103")
            try await enrolTOTP("gf-sec", app)
            try await makeAccount("gf-op", app, role: "operator", division: "361103")
            let county = TestClient(app: app)
            #expect(try await county.login("gf-sec", "Str0ng@2026-pw").status == .seeOther)
            let countyCSRF = try await county.csrf("/admin/users")
            #expect(try await county.send(.GET, "/admin/users/\(operatorID)").status == .notFound)
            #expect(try await county.send(.POST, "/admin/users/\(operatorID)/disable", form: ["_csrf": countyCSRF]).status == .notFound)
            #expect(try await Self.user("operator", app).active)
            #expect(!(try await county.send(.GET, "/admin/users").body.string.contains("/admin/users/\(operatorID)")))
            // …and may not move their own accounts out of their subtree.
            let gfOperator = "/admin/users/\(try await Self.user("gf-op", app).requireID())"
            let moved = try await county.send(.POST, gfOperator + "/division", form: ["divisionCode": "361102", "_csrf": countyCSRF])
            #expect(moved.status == .unprocessableEntity)
            #expect(try await Self.user("gf-op", app).divisionCode == "361103")
            // Not on one's own account.
            let own = "/admin/users/\(try await Self.user("gf-sec", app).requireID())"
            #expect(try await county.send(.POST, own + "/role", form: ["role": "operator", "_csrf": countyCSRF]).status == .conflict)

            // An administrator account's role, division, password and state go through the approval path.
            try await client.login("secadmin")
            let auditor = try await Self.user("auditor", app)
            let page = "/admin/users/\(try auditor.requireID())"
            let csrf = try await client.csrf(page)
            let filed = try await client.send(.POST, page + "/disable", form: ["_csrf": csrf])
            #expect(filed.headers.first(name: .location) == "/security/requests?filed=auditor")
            #expect(try await Self.user("auditor", app).active, "filed, not done")
            let request = try #require(try await AdministratorRequest.query(on: app.db).filter(\.$targetUsername == "auditor").first())
            let system = TestClient(app: app)
            try await system.login("admin")
            #expect(
                try await system.send(.POST, "/security/requests/\(try request.requireID())/approve", form: ["_csrf": try await system.csrf()])
                    .status == .seeOther)
            #expect(try await Self.user("auditor", app).active == false, "done once approved by the other administrator")
            let enable = try await client.send(.POST, page + "/enable", form: ["_csrf": csrf])
            #expect(enable.headers.first(name: .location) == "/security/requests?filed=auditor")
            let toAdmin = try await client.send(.POST, "/admin/users/\(operatorID)/role", form: ["role": "securityAdmin", "_csrf": csrf])
            #expect(toAdmin.headers.first(name: .location) == "/security/requests?filed=operator")
            #expect(try await Self.user("operator", app).role == .operator, "granting an administrator role is filed")
        }
    }

    @Test func item17_accounts_theNewAccountFormPicksTheDivisionAndMakesAPasswordWhenLeftEmpty() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("secadmin")
            let form = try await client.send(.GET, "/admin/users/new").body.string
            #expect(form.contains("<select id=\"divisionCode\"") && form.contains("信州区"), "a division picker, not a typed code")
            let made = try await client.send(
                .POST, "/admin/users",
                form: [
                    "username": "new-op", "displayName": "新话务员", "password": "", "role": "operator", "divisionCode": "361102",
                    "_csrf": try await client.csrf("/admin/users/new"),
                ])
            #expect(made.status == .ok)
            let password = try Self.secret(in: made.body.string)
            let user = try await Self.user("new-op", app)
            #expect(user.mustChangePassword && user.divisionCode == "361102")
            #expect(try await Passwords(application: app).verify(password, against: user.passwordHash))
        }
    }
}
