import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer

/// #17 "Accounts": grid staff assignment from the grid card — the grid member replaced, helpers added and
/// removed, from pickers of the accounts that may serve the grid; audited, history kept, scoped.
@Suite("#17 accounts: grid staff from the grid card")
struct GridStaffPagesTests {
    @Test func item17_accounts_theGridMemberAndHelpersAreAssignedFromTheGridCard() async throws {
        try await withLianxin(demo: true) { app, client in
            let current = try #require(
                try await GridStaffAssignment.query(on: app.db).filter(\.$validTo == nil).filter(\.$role == "fullTime").first())
            let grid = current.gridCode
            try await makeAccount("gm-next", app, role: "gridMember", division: DemoResidents.community)
            try await makeAccount("helper-one", app, role: "communityStaff", division: DemoResidents.community)
            try await makeAccount("far-member", app, role: "gridMember", division: "361103")
            try await client.login("community")
            let card = try await client.send(.GET, "/grid-map/\(grid)/card").body.string
            #expect(card.contains("/grid-map/\(grid)/staff"), "the card leads to the staff page")
            let page = try await client.send(.GET, "/grid-map/\(grid)/staff")
            #expect(page.status == .ok)
            let next = try #require(try await User.query(on: app.db).filter(\.$username == "gm-next").first())
            let far = try #require(try await User.query(on: app.db).filter(\.$username == "far-member").first())
            #expect(page.body.string.contains(try next.requireID().uuidString), "an eligible grid member is offered")
            #expect(!page.body.string.contains(try far.requireID().uuidString), "an account outside the grid's division is not")
            let csrf = try await client.csrf("/grid-map/\(grid)/staff")

            // Replace the grid member: the old post ends, the new one starts, in one step.
            let replaced = try await client.send(
                .POST, "/grid-map/\(grid)/staff", form: ["userId": try next.requireID().uuidString, "role": "fullTime", "_csrf": csrf])
            #expect(replaced.status == .seeOther)
            let inForce = try await GridStaffAssignment.query(on: app.db).filter(\.$gridCode == grid).filter(\.$validTo == nil).all()
            #expect(inForce.filter { $0.role == "fullTime" }.map(\.userID) == [try next.requireID()])
            #expect(try await GridStaffAssignment.find(current.requireID(), on: app.db)?.validTo != nil, "the old post is kept as history")
            let history = try await client.send(.GET, "/grid-map/\(grid)/staff").body.string
            #expect(history.contains("网格员 陈芳"), "the history names the earlier member")

            // A helper added, then removed.
            let helper = try #require(try await User.query(on: app.db).filter(\.$username == "helper-one").first())
            #expect(
                try await client.send(
                    .POST, "/grid-map/\(grid)/staff", form: ["userId": try helper.requireID().uuidString, "role": "partTime", "_csrf": csrf]
                ).status == .seeOther)
            let helperPost = try #require(
                try await GridStaffAssignment.query(on: app.db).filter(\.$gridCode == grid).filter(\.$userID == helper.requireID())
                    .filter(\.$validTo == nil).first())
            #expect(helperPost.role == "partTime")
            #expect(
                try await client.send(.POST, "/grid-map/\(grid)/staff/\(try helperPost.requireID())/end", form: ["_csrf": csrf]).status
                    == .seeOther)
            #expect(try await GridStaffAssignment.find(helperPost.requireID(), on: app.db)?.validTo != nil)

            // Someone who may not serve the grid is refused with a message, and nothing changes.
            let refused = try await client.send(
                .POST, "/grid-map/\(grid)/staff", form: ["userId": try far.requireID().uuidString, "role": "fullTime", "_csrf": csrf])
            #expect(refused.status == .notFound, "an account outside the staff's division answers 404")
            let actions = try await auditActions(app).filter { $0.target == "grid:\(grid)" }.map(\.action)
            #expect(actions.filter { $0 == "grid-staff.assign" }.count == 2 && actions.filter { $0 == "grid-staff.end" }.count == 2)

            // Roles without the permission: 403; a grid of another division: 404.
            let member = TestClient(app: app)
            try await member.login("gridmember")
            #expect(try await member.send(.GET, "/grid-map/\(grid)/staff").status == .forbidden)
            try await makeAccount("gf-community", app, role: "communityStaff", division: "361103")
            let other = TestClient(app: app)
            #expect(try await other.login("gf-community", "Str0ng@2026-pw").status == .seeOther)
            #expect(try await other.send(.GET, "/grid-map/\(grid)/staff").status == .notFound)
        }
    }
}
