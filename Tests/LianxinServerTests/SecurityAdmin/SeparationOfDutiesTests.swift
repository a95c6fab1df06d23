import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer

/// #16 item 5: 三员分立. The system administrator configures and holds no business data; the security
/// administrator manages accounts and credentials in pages, audited; no administrator account is made,
/// re-roled or disabled by one person alone.
@Suite("三员分立: the three administrators are separated")
struct SeparationOfDutiesTests {
    @Test func item05_theSystemAdminHoldsNoAccountsNoResidentDataAndNoExport() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            let csrf = try await client.csrf()
            for role in ["auditor", "securityAdmin", "operator"] {
                let account = AccountService.NewAccount(
                    username: "made-\(role.lowercased())", displayName: "X", password: "Str0ng-pass!", role: role, divisionCode: "3611")
                #expect(try await client.send(.POST, "/api/v1/users", headers: ["X-CSRF-Token": csrf], json: account).status == .forbidden)
            }
            #expect(try await client.send(.GET, "/admin/users").status == .forbidden)
            let auditor = try #require(try await User.query(on: app.db).filter(\.$username == "auditor").first())
            #expect(try await client.send(.POST, "/admin/users/\(try auditor.requireID())/disable", form: ["_csrf": csrf]).status == .forbidden)
            #expect(try await User.find(try auditor.requireID(), on: app.db)?.active == true)
            #expect(try await client.send(.GET, "/api/v1/residents").status == .forbidden)
            #expect(try await client.send(.GET, "/admin/rules").status == .ok, "configuration stays the system admin's")
            #expect(try await User.query(on: app.db).filter(\.$username ~~ ["made-auditor", "made-securityadmin", "made-operator"]).count() == 0)
        }
    }

    @Test func item05_anAdministratorAccountNeedsTheApprovalOfAnotherAdministratorRole() async throws {
        try await withLianxin(demo: true) { app, _ in
            let security = TestClient(app: app), system = TestClient(app: app)
            try await security.login("secadmin")
            try await system.login("admin")
            // The security admin may not grant an administrator role directly, through the API or the form.
            let direct = AccountService.NewAccount(
                username: "auditor2", displayName: "审计员二", password: "Audit@2026-x", role: "auditor", divisionCode: "3611")
            let refused = try await security.send(.POST, "/api/v1/users", headers: ["X-CSRF-Token": try await security.csrf()], json: direct)
            #expect(refused.status == .unprocessableEntity)
            #expect((try refused.field("errors") as? [[String: Any]])?.first?["field"] as? String == "/role")
            let filed = try await security.send(
                .POST, "/admin/users",
                form: [
                    "username": "auditor2", "displayName": "审计员二", "password": "Audit@2026-x", "role": "auditor", "divisionCode": "3611",
                    "_csrf": try await security.csrf("/admin/users/new"),
                ])
            #expect(filed.headers.first(name: .location) == "/security/requests?filed=auditor2")
            #expect(try await User.query(on: app.db).filter(\.$username == "auditor2").count() == 0, "filed, not made")
            let request = try #require(try await AdministratorRequest.query(on: app.db).first())
            let requestID = try request.requireID()
            let selfApproval = try await security.send(.POST, "/security/requests/\(requestID)/approve", form: ["_csrf": try await security.csrf()])
            #expect(selfApproval.status == .forbidden, "the security admin cannot approve their own request")
            let auditor = TestClient(app: app)
            try await auditor.login("auditor")
            #expect(
                try await auditor.send(.POST, "/security/requests/\(requestID)/approve", form: ["_csrf": try await auditor.csrf()]).status
                    == .forbidden)
            let page = try await system.send(.GET, "/security/requests")
            #expect(page.status == .ok && page.body.string.contains("auditor2"))
            #expect(page.body.string.contains("/security/requests/\(requestID)/approve"), "the system admin is offered the decision")
            let own = try await security.send(.GET, "/security/requests")
            #expect(!own.body.string.contains("/security/requests/\(requestID)/approve"), "the one who filed it is not")
            let approved = try await system.send(.POST, "/security/requests/\(requestID)/approve", form: ["_csrf": try await system.csrf()])
            #expect(approved.status == .seeOther)
            let confirmed = try await system.send(.GET, try #require(approved.headers.first(name: .location)))
            #expect(confirmed.body.string.contains("已批准，该变更已生效"))
            let made = try #require(try await User.query(on: app.db).filter(\.$username == "auditor2").first())
            #expect(made.role == .auditor && made.mustChangePassword)
            let twice = try await system.send(.POST, "/security/requests/\(requestID)/approve", form: ["_csrf": try await system.csrf()])
            #expect(twice.status == .conflict)

            // Disabling the auditor is filed too, and the system admin's approval carries it out.
            let original = try #require(try await User.query(on: app.db).filter(\.$username == "auditor").first())
            let disable = try await security.send(
                .POST, "/security/accounts/\(try original.requireID())/disable", form: ["_csrf": try await security.csrf("/security/accounts")])
            #expect(disable.headers.first(name: .location) == "/security/requests?filed=auditor")
            #expect(try await User.find(try original.requireID(), on: app.db)?.active == true)
            let disableRequest = try #require(
                try await AdministratorRequest.query(on: app.db).filter(\.$targetUsername == "auditor").filter(\.$status == .pending).first())
            _ = try await system.send(.POST, "/security/requests/\(try disableRequest.requireID())/approve", form: ["_csrf": try await system.csrf()])
            #expect(try await User.find(try original.requireID(), on: app.db)?.active == false)
            let actions = try await auditActions(app).map(\.action)
            #expect(actions.filter { $0 == "admin-change.file" }.count == 2 && actions.filter { $0 == "admin-change.decide" }.count == 2)
        }
    }

    @Test func item05_theSecurityAdminUnlocksAndResetsTheSecondFactorInPagesWithinScope() async throws {
        try await withLianxin(demo: true, settings: ["LIANXIN_RATE_LOGIN": "1000"]) { app, client in
            for attempt in 0..<5 { _ = try await apiSignIn("dispatcher", "Wrong-\(attempt)-pass", app) }
            let dispatcher = try #require(try await User.query(on: app.db).filter(\.$username == "dispatcher").first())
            #expect((dispatcher.lockedUntil ?? .distantPast) > app.lianxin.now())
            try await client.login("secadmin")
            let list = try await client.send(.GET, "/security/accounts")
            let dispatcherID = try dispatcher.requireID()
            #expect(list.status == .ok && list.body.string.contains("/security/accounts/\(dispatcherID)/unlock"))
            let csrf = try await client.csrf("/security/accounts")
            #expect(
                try await client.send(.POST, "/security/accounts/\(try dispatcher.requireID())/unlock", form: ["_csrf": csrf]).status == .seeOther)
            #expect(try await TestClient(app: app).login("dispatcher").status == .seeOther)

            // An administrator's second factor (or password) is reset only with the system admin's approval,
            // and the new secret is shown to the approver.
            let auditor = try #require(try await User.query(on: app.db).filter(\.$username == "auditor").first())
            let filed = try await client.send(.POST, "/security/accounts/\(try auditor.requireID())/totp", form: ["_csrf": csrf])
            #expect(filed.headers.first(name: .location) == "/security/requests?filed=auditor")
            let unchanged = try #require(try await User.find(try auditor.requireID(), on: app.db))
            #expect(try unchanged.totpSecretCipher.map(app.lianxin.cipher.open) == DemoSeeder.totpSecret)
            let request = try #require(try await AdministratorRequest.query(on: app.db).filter(\.$targetUsername == "auditor").first())
            let system = TestClient(app: app)
            try await system.login("admin")
            let secretPage = try await system.send(
                .POST, "/security/requests/\(try request.requireID())/approve", form: ["_csrf": try await system.csrf()])
            #expect(secretPage.status == .ok && secretPage.body.string.contains("otpauth://"))
            let reloaded = try #require(try await User.find(try auditor.requireID(), on: app.db))
            #expect(try reloaded.totpSecretCipher.map(app.lianxin.cipher.open) != DemoSeeder.totpSecret)
            let passwordFiled = try await client.send(
                .POST, "/security/accounts/\(try auditor.requireID())/password", form: ["password": "Temp@2026-audit", "_csrf": csrf])
            #expect(passwordFiled.headers.first(name: .location) == "/security/requests?filed=auditor")
            #expect(try await User.find(try auditor.requireID(), on: app.db)?.mustChangePassword == false, "not reset before approval")
            let actions = try await auditActions(app)
            #expect(actions.contains { $0.action == "user.unlock" && $0.target == "user:dispatcher" })
            #expect(actions.contains { $0.action == "user.totp.enrol" && $0.target == "user:auditor" })

            // A county's security admin does not reach the city's accounts.
            try await makeAccount("xz-secadmin", app, role: "securityAdmin", password: "County@2026-x", division: "361102")
            try await enrolTOTP("xz-secadmin", app)
            let county = TestClient(app: app)
            #expect(try await county.login("xz-secadmin", "County@2026-x").status == .seeOther)
            let countyCSRF = try await county.csrf("/security/accounts")
            #expect(!(try await county.send(.GET, "/security/accounts").body.string.contains(">dispatcher<")))
            #expect(
                try await county.send(.POST, "/security/accounts/\(try dispatcher.requireID())/unlock", form: ["_csrf": countyCSRF]).status
                    == .notFound)
            #expect(try await county.send(.GET, "/security/open311-keys").status == .forbidden, "keys serve the whole city")
        }
    }

    @Test func item05_open311KeysWebhookSecretsAndTokensAreManagedInPages() async throws {
        try await withLianxin(demo: true) { app, client in
            let webhook = WebhookSubscription()
            webhook.url = "https://sms.example.cn/hook"
            webhook.secretCipher = try app.lianxin.cipher.seal("old-secret-0123456789")
            webhook.events = "*"
            webhook.active = true
            webhook.createdAt = app.lianxin.now()
            try await webhook.create(on: app.db)
            let operatorUser = try #require(try await User.query(on: app.db).filter(\.$username == "operator").first())
            _ = try await AccountService(application: app, database: app.db).issueToken(for: operatorUser, name: "hotline-sync", actor: .commandLine)

            let leader = TestClient(app: app)
            try await leader.login("leader")
            #expect(try await leader.send(.GET, "/security/tokens").status == .forbidden, "the permission is checked")

            try await client.login("secadmin")
            let csrf = try await client.csrf("/security/open311-keys")
            let bad = try await client.send(.POST, "/security/open311-keys", form: ["name": "12345 热线 App", "perMinute": "many", "_csrf": csrf])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("id=\"perMinute-error\""))
            #expect(bad.body.string.contains("value=\"12345 热线 App\"") && !bad.body.string.contains("id=\"name-error\""), "the name typed is kept")
            let key = try await client.send(.POST, "/security/open311-keys", form: ["name": "12345 热线 App", "perMinute": "60", "_csrf": csrf])
            #expect(key.status == .ok && key.body.string.contains("id=\"secret\""))
            let stored = try #require(try await Open311Key.query(on: app.db).first())
            #expect(stored.name == "12345 热线 App" && stored.perMinute == 60 && !key.body.string.contains(stored.keyHash))

            let rotated = try await client.send(.POST, "/security/webhooks/\(try webhook.requireID())/rotate", form: ["_csrf": csrf])
            #expect(rotated.status == .ok)
            let reloaded = try #require(try await WebhookSubscription.find(try webhook.requireID(), on: app.db))
            #expect(try app.lianxin.cipher.open(reloaded.secretCipher) != "old-secret-0123456789")

            let tokens = try await client.send(.GET, "/security/tokens")
            #expect(tokens.body.string.contains("hotline-sync"))
            let token = try #require(try await ApiToken.query(on: app.db).first())
            #expect(try await client.send(.POST, "/security/tokens/\(try token.requireID())/revoke", form: ["_csrf": csrf]).status == .seeOther)
            #expect(try await ApiToken.find(try token.requireID(), on: app.db)?.revokedAt != nil)
            let actions = try await auditActions(app)
            #expect(actions.contains { $0.action == "settings.change" && $0.target == "open311-key:12345 热线 App" })
            #expect(actions.contains { $0.action == "settings.change" && $0.target == "webhook:https://sms.example.cn/hook" })
            #expect(actions.contains { $0.action == "token.revoke" && $0.target == "user:operator" })
        }
    }

    @Test func theSecurityPagesRenderInBothLanguages() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("secadmin")
            let texts = app.lianxin.localizer
            for language in ["zh-CN", "en"] {
                _ = try await client.send(.GET, "/lang/\(language)?back=/")
                let expected = texts.text("security_accounts_title", language == "en" ? .en : .zhCN)
                for path in [
                    "/security/accounts", "/security/requests", "/security/tokens", "/security/open311-keys", "/security/webhooks", "/account/tokens",
                ] {
                    let page = try await client.send(.GET, path)
                    #expect(page.status == .ok, "\(path) in \(language)")
                    #expect(!page.body.string.contains("security_"), "\(path) in \(language) shows a raw key")
                }
                #expect(try await client.send(.GET, "/security/accounts").body.string.contains(expected))
            }
        }
    }
}
