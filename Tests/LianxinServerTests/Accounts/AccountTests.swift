import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer

@Suite("Creating and changing accounts")
struct AccountTests {
    @Test func badAccountsAreRefusedFieldByFieldAndNothingIsWritten() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("secadmin")
            let before = try await count("users", app)
            let token = try await client.csrf()
            let weak = try await client.send(
                .POST, "/api/v1/users", headers: ["X-CSRF-Token": token],
                json: [
                    "username": "new-op", "displayName": "新话务员", "password": "password", "role": "operator", "divisionCode": "3611",
                ])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let errors = try #require(try weak.field("errors") as? [[String: String]])
            #expect(errors.contains { $0["field"] == "/password" })
            let duplicate = try await client.send(
                .POST, "/api/v1/users", headers: ["X-CSRF-Token": token],
                json: [
                    "username": "operator", "displayName": "X", "password": "Str0ng-pass!", "role": "operator", "divisionCode": "3611",
                ])
            #expect(try (duplicate.field("errors") as? [[String: String]])?.first?["field"] == "/username")
            let unknown = try await client.send(
                .POST, "/api/v1/users", headers: ["X-CSRF-Token": token],
                json: [
                    "username": "op2", "displayName": "X", "password": "Str0ng-pass!", "role": "operator", "divisionCode": "361199",
                ])
            #expect(try (unknown.field("errors") as? [[String: String]])?.first?["field"] == "/divisionCode")
            let noDepartment = try await client.send(
                .POST, "/api/v1/users", headers: ["X-CSRF-Token": token],
                json: [
                    "username": "handler2", "displayName": "X", "password": "Str0ng-pass!", "role": "departmentHandler", "divisionCode": "361102",
                ])
            #expect(try (noDepartment.field("errors") as? [[String: String]])?.first?["field"] == "/departmentCode")
            let missing = try await client.send(.POST, "/api/v1/users", headers: ["X-CSRF-Token": token], json: ["username": "x"])
            #expect(missing.status == .unprocessableEntity)
            #expect(try (missing.field("errors") as? [[String: String]])?.first?["field"] == "/displayName")
            let malformed = try await client.send(.POST, "/api/v1/users", headers: ["X-CSRF-Token": token, "Content-Type": "application/json"])
            #expect(malformed.status.code >= 400 && malformed.status.code < 500)
            #expect(try await count("users", app) == before)
        }
    }

    @Test func theAdminFormReRendersWithTheMessageNextToTheField() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("secadmin")
            let token = try await client.csrf("/admin/users/new")
            let response = try await client.send(
                .POST, "/admin/users",
                form: [
                    "_csrf": token, "username": "zhang", "displayName": "张三", "password": "short", "role": "operator",
                    "divisionCode": "361102", "departmentCode": "",
                ])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("id=\"password-error\""))
            #expect(html.contains("value=\"张三\""), "typed values are kept")
            let created = try await client.send(
                .POST, "/admin/users",
                form: [
                    "_csrf": token, "username": "zhang", "displayName": "张三", "password": "Str0ng-pass!", "role": "operator",
                    "divisionCode": "361102", "departmentCode": "",
                ])
            #expect(created.status == .seeOther)
            #expect(try await auditActions(app).contains { $0.action == "user.create" && $0.target == "user:zhang" })
        }
    }

    @Test func changingYourPasswordEndsYourSessions() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("leader")
            let token = try await client.csrf()
            let mismatch = try await client.send(
                .POST, "/account/password",
                form: [
                    "_csrf": token, "current": DemoSeeder.password, "password": "New-pass-2026", "confirm": "Other-2026",
                ])
            #expect(mismatch.status == .unprocessableEntity)
            let changed = try await client.send(
                .POST, "/account/password",
                form: [
                    "_csrf": token, "current": DemoSeeder.password, "password": "New-pass-2026", "confirm": "New-pass-2026",
                ])
            #expect(changed.status == .seeOther)
            #expect(try await client.send(.GET, "/").status == .seeOther)
            #expect(try await client.login("leader", "New-pass-2026").status == .seeOther)
            #expect(try await auditActions(app).contains { $0.action == "user.password.change" })
        }
    }

    @Test func disablingAnAccountEndsItsSessionsAndIsAudited() async throws {
        try await withLianxin(demo: true) { app, client in
            let victim = TestClient(app: app)
            try await victim.login("supervisor")
            try await client.login("secadmin")
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "supervisor").first())
            let token = try await client.csrf("/admin/users")
            #expect(try await client.send(.POST, "/admin/users/\(try user.requireID())/disable", form: ["_csrf": token]).status == .seeOther)
            #expect(try await victim.send(.GET, "/").status == .seeOther)
            #expect(try await victim.login("supervisor").status == .unauthorized)
            #expect(try await auditActions(app).contains { $0.action == "user.disable" && $0.target == "user:supervisor" })
        }
    }
}
