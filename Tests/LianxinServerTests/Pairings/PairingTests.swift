import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

@Suite("Grid clusters and pairings (党员联户, 群众贴心人, 领导包片) with their coverage")
struct PairingTests {
    @Test func pairingsAreCheckedAndTheCoverageReportShowsWhoIsLeftOut() async throws {
        try await withLianxin(demo: true) { app, _ in
            let community = TestClient(app: app)
            try await community.login("community")
            let csrf = try await community.csrf()
            let households = try await Household.query(on: app.db).filter(\.$communityCode == "361102001001").sort(\.$door).all()
            #expect(households.count >= 2)
            let first = try #require(households[0].id).uuidString

            let paired = try await community.send(
                .POST, "/api/v1/pairings", headers: ["X-CSRF-Token": csrf],
                json: PairingsController.PairingInput(kind: "partyMember", personName: "党员 王红", targets: [first]))
            #expect(paired.status == .created)
            // The same household cannot have a second party member; a foreign target is named.
            let twice = try await community.send(
                .POST, "/api/v1/pairings", headers: ["X-CSRF-Token": csrf],
                json: PairingsController.PairingInput(kind: "partyMember", personName: "党员 李明", targets: [first]))
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("党员 王红"))
            let foreign = try await community.send(
                .POST, "/api/v1/pairings", headers: ["X-CSRF-Token": csrf],
                json: PairingsController.PairingInput(kind: "cadre", personName: "干部 周", targets: ["361102002001"]))
            #expect(foreign.status == .unprocessableEntity)
            #expect(try await count("pairings", app) == 1)
            #expect(
                try await community.send(
                    .POST, "/api/v1/pairings", headers: ["X-CSRF-Token": csrf],
                    json: PairingsController.PairingInput(kind: "cadre", personName: "干部 周", targets: ["361102001001"])
                ).status == .created)

            let grids = try await Grid.query(on: app.db).filter(\.$communityCode == "361102001001").filter(\.$validTo == nil).sort(\.$code).all()
            let cluster = try await community.send(
                .POST, "/api/v1/grid-clusters", headers: ["X-CSRF-Token": csrf],
                json: PairingsController.ClusterInput(code: "PQ-001", name: "上滩头片区", gridCodes: grids.prefix(2).map(\.code)))
            #expect(cluster.status == .created)
            let overlapping = try await community.send(
                .POST, "/api/v1/grid-clusters", headers: ["X-CSRF-Token": csrf],
                json: PairingsController.ClusterInput(code: "PQ-002", name: "重复", gridCodes: [grids[0].code]))
            #expect(overlapping.status == .unprocessableEntity && overlapping.body.string.contains("PQ-001"))

            let coverage = try await community.send(.GET, "/api/v1/pairing-coverage").json(PairingsController.Coverage.self)
            let row = try #require(coverage.communities.first { $0.communityCode == "361102001001" })
            #expect(row.pairedHouseholds == 1 && row.households == households.count && row.hasCadre)
            #expect(row.unpaired.count == households.count - 1 && !row.unpaired.contains { $0.householdId.uuidString == first })
            #expect(coverage.partyMembers.map(\.personName) == ["党员 王红"] && coverage.partyMembers[0].withinRange == false, "1 household is below 10")
            #expect(coverage.clustersWithoutLeader == ["PQ-001"])

            // Ending a pairing puts the household back on the unpaired list.
            let pairing = try paired.json([PairingsController.PairingDTO].self)[0]
            #expect(try await community.send(.POST, "/api/v1/pairings/\(pairing.id)/end", headers: ["X-CSRF-Token": csrf]).status == .ok)
            let after = try await community.send(.GET, "/api/v1/pairing-coverage").json(PairingsController.Coverage.self)
            #expect(after.communities.first { $0.communityCode == "361102001001" }?.pairedHouseholds == 0)
            let member = TestClient(app: app)
            try await member.login("gridmember")
            #expect(
                try await member.send(
                    .POST, "/api/v1/pairings", headers: ["X-CSRF-Token": try await member.csrf()],
                    json: PairingsController.PairingInput(kind: "cadre", personName: "x", targets: ["361102001001"])
                ).status == .forbidden)
        }
    }
}

@Suite("Another community's grid changes, pairings and visit photos are 404")
struct NeighbourScopeTests {
    @Test func aNeighbouringCommunitysStaffCannotReachThem() async throws {
        try await withLianxin(demo: true) { app, _ in
            let admin = TestClient(app: app)
            try await admin.login("secadmin")
            let account = AccountService.NewAccount(
                username: "zhujiaxiang", displayName: "祝家巷社区 孙", password: "Neighbour@2026",
                role: "communityStaff", divisionCode: "361102002001")
            #expect(try await admin.send(.POST, "/api/v1/users", headers: ["X-CSRF-Token": try await admin.csrf()], json: account).status == .created)
            try await acceptInitialPassword(account.username, app)

            let community = TestClient(app: app), member = TestClient(app: app)
            try await community.login("community")
            try await member.login("gridmember")
            let grid = try #require(
                try await Grid.query(on: app.db).filter(\.$communityCode == "361102001001").filter(\.$validTo == nil).sort(\.$code).first())
            let change = try await GridChangeTests.send(
                community, .POST, "/api/v1/grid-changes",
                try GridChangeTests.proposal(replacing: grid, newCode: "361102001001094")
            )
            .json(GridChangesController.ChangeDTO.self)
            let household = try #require(try await member.send(.GET, "/api/v1/visits/due").json([VisitsController.DueItem].self).first).householdId
            let png = [UInt8](try QRCode(encoding: "照片").png(scale: 2))
            let photo = try await member.send(
                .POST, "/api/v1/visits/photos?household=\(household)", headers: ["X-CSRF-Token": try await member.csrf()],
                raw: (png, .png)
            ).json(VisitsController.PhotoDTO.self)
            let pairing = try await community.send(
                .POST, "/api/v1/pairings", headers: ["X-CSRF-Token": try await community.csrf()],
                json: PairingsController.PairingInput(kind: "partyMember", personName: "党员 王红", targets: [household.uuidString])
            )
            .json([PairingsController.PairingDTO].self)[0]

            let neighbour = TestClient(app: app)
            try await neighbour.login("zhujiaxiang", "Neighbour@2026")
            let csrf = try await neighbour.csrf()
            #expect(try await neighbour.send(.GET, "/api/v1/grid-changes/\(change.id)").status == .notFound)
            #expect(try await neighbour.send(.GET, "/api/v1/grid-changes").json([GridChangesController.ChangeDTO].self).isEmpty)
            #expect(try await neighbour.send(.GET, photo.url).status == .notFound)
            #expect(try await neighbour.send(.POST, "/api/v1/pairings/\(pairing.id)/end", headers: ["X-CSRF-Token": csrf]).status == .notFound)
            #expect(try await neighbour.send(.GET, "/api/v1/pairings").json([PairingsController.PairingDTO].self).isEmpty)
        }
    }
}
