import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer

@Suite("Division scope and role permissions")
struct ScopeAndPermissionTests {
    /// Two communities of 水南街道 and a staff account in each.
    private func twoCommunities(_ app: Application) async throws -> (a: User, b: User) {
        let service = AccountService(application: app, database: app.db)
        func make(_ name: String, _ division: String) async throws -> User {
            try await service.create(
                .init(
                    username: name, displayName: name, password: "Str0ng-pass!", role: "communityStaff",
                    divisionCode: division, departmentCode: nil), by: nil, actor: .commandLine)
        }
        return (try await make("staff-a", "361102001001"), try await make("staff-b", "361102001003"))
    }

    @Test func communityStaffGet404ForAnotherCommunitysRecords() async throws {
        try await withLianxin(demo: true) { app, client in
            _ = try await twoCommunities(app)
            try await client.login("staff-a", "Str0ng-pass!")
            #expect(try await client.send(.GET, "/api/v1/divisions/361102001001").status == .ok)
            let other = try await client.send(.GET, "/api/v1/divisions/361102001003")
            #expect(other.status == .notFound)
            #expect(try other.field("status") as? Int == 404)
            #expect(try await client.send(.GET, "/divisions/361102001003").status == .notFound)
            #expect(try await client.send(.GET, "/api/v1/divisions/361102001").status == .notFound, "the parent is out of scope too")
            #expect(try await auditActions(app).contains { $0.action == "scope.denied" && $0.target == "division:361102001003" })
        }
    }

    @Test func anOutOfScopeRecordLooksExactlyLikeAMissingOne() async throws {
        try await withLianxin(demo: true) { app, client in
            _ = try await twoCommunities(app)
            try await client.login("staff-a", "Str0ng-pass!")
            let outside = try await client.send(.GET, "/api/v1/divisions/361102001003")
            let missing = try await client.send(.GET, "/api/v1/divisions/361102001999")
            #expect(outside.status == missing.status)
            #expect(try outside.field("detail") as? String == missing.field("detail") as? String)
        }
    }

    @Test func aCountyAdminSeesOnlyAccountsOfTheirCounty() async throws {
        try await withLianxin(demo: true) { app, client in
            let (a, _) = try await twoCommunities(app)
            let service = AccountService(application: app, database: app.db)
            _ = try await service.create(
                .init(
                    username: "xz-admin", displayName: "信州区安全管理员", password: "Str0ng-pass!", role: "securityAdmin",
                    divisionCode: "361102", departmentCode: nil), by: nil, actor: .commandLine)
            try await enrolTOTP("xz-admin", app)
            let cityOperator = try #require(try await User.query(on: app.db).filter(\.$username == "operator").first())
            try await client.login("xz-admin", "Str0ng-pass!")
            #expect(try await client.send(.GET, "/api/v1/users/\(try a.requireID())").status == .ok)
            #expect(try await client.send(.GET, "/api/v1/users/\(try cityOperator.requireID())").status == .notFound)
            let list = try await client.send(.GET, "/api/v1/users?limit=500")
            let page = try list.json(ListPage<UsersController.UserDTO>.self)
            #expect(page.items.allSatisfy { $0.divisionCode.hasPrefix("361102") })
            #expect(page.items.contains { $0.username == "staff-a" })
            let form = try await client.send(
                .POST, "/api/v1/users", headers: ["X-CSRF-Token": try await client.csrf()],
                json: [
                    "username": "escape", "displayName": "E", "password": "Str0ng-pass!", "role": "operator", "divisionCode": "3611",
                ])
            #expect(form.status == .unprocessableEntity, "an admin cannot create accounts above their own division")
        }
    }

    @Test func aRoleWithoutPermissionGets403AndTheDenialIsAudited() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("operator")
            #expect(try await client.send(.GET, "/api/v1/users").status == .forbidden)
            #expect(try await client.send(.GET, "/api/v1/audit-entries").status == .forbidden)
            #expect(try await client.send(.GET, "/audit").status == .forbidden)
            let denials = try await auditActions(app).filter { $0.action == "permission.denied" }
            #expect(denials.count == 3)
        }
    }

    @Test func onlyAuditorsReadTheAuditLog() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            #expect(try await client.send(.GET, "/api/v1/audit-entries").status == .forbidden)
            let auditor = TestClient(app: app)
            try await auditor.login("auditor")
            let response = try await auditor.send(.GET, "/api/v1/audit-entries?limit=2")
            #expect(response.status == .ok)
            let page = try response.json(ListPage<AuditController.EntryDTO>.self)
            #expect(page.items.count == 2)
            let cursor = try #require(page.nextCursor)
            let next = try await auditor.send(.GET, "/api/v1/audit-entries?limit=2&cursor=\(cursor)").json(ListPage<AuditController.EntryDTO>.self)
            #expect(Set(next.items.map(\.id)).isDisjoint(with: page.items.map(\.id)))
            #expect(try await auditor.send(.GET, "/audit").body.string.contains("permission.denied"))
        }
    }

    @Test func theAuditLogRefusesUpdatesAndDeletesAtTheDatabase() async throws {
        try await withLianxin(demo: true) { app, _ in
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_entries SET result = 'success'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_entries").run() }
            #expect(try await count("audit_entries", app) > 0)
        }
    }
}

import SQLKit
