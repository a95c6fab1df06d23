import Foundation
import Testing
import Fluent
@testable import LianxinServer
@testable import LianxinCore

/// The community-services SQL, run directly on rows written here.
@Suite struct CommunityServicesQueriesTests {
    private func wish(_ community: String, _ status: WishStatus, on db: any Database) async throws {
        let row = Wish()
        row.communityCode = community
        row.residentName = "王奶奶"
        row.title = "一台收音机"
        row.details = "想听戏"
        row.status = status.rawValue
        row.postedBy = UUID()
        row.createdAt = Date(timeIntervalSince1970: 1_770_000_000)
        try await row.create(on: db)
    }

    private func volunteer(_ community: String, on db: any Database) async throws {
        let row = Volunteer()
        row.communityCode = community
        row.name = "志愿者"
        row.phoneCipher = Data([1, 2, 3])
        row.phoneIndex = UUID().uuidString
        row.partyMember = false
        row.inService = false
        row.registeredAt = Date(timeIntervalSince1970: 1_770_000_000)
        try await row.create(on: db)
    }

    @Test func statusCountsGroupTheRowsOfEachCommunityInsideTheDivision() async throws {
        try await withLianxin { app, _ in
            try await wish("361102001001", .posted, on: app.db)
            try await wish("361102001001", .posted, on: app.db)
            try await wish("361102001001", .claimed, on: app.db)
            try await wish("361102001002", .posted, on: app.db)
            try await wish("361102002001", .posted, on: app.db)
            try await wish("361103001001", .fulfilled, on: app.db)

            let township = try #require(DivisionCode("361102001"))
            let counts = try await CommunityServicesQueries.statusCounts(of: Wish.schema, within: township, on: app.db)
                .sorted { ($0.communityCode, $0.status) < ($1.communityCode, $1.status) }
            #expect(
                counts == [
                    .init(communityCode: "361102001001", status: "claimed", count: 1),
                    .init(communityCode: "361102001001", status: "posted", count: 2),
                    .init(communityCode: "361102001002", status: "posted", count: 1),
                ])
            let county = try #require(DivisionCode("361102"))
            let wider = try await CommunityServicesQueries.statusCounts(of: Wish.schema, within: county, on: app.db)
            #expect(wider.map(\.count).reduce(0, +) == 5)
            #expect(!wider.contains { $0.communityCode == "361103001001" })
        }
    }

    @Test func volunteerCountsCountEachCommunityOfTheSubtreeOnly() async throws {
        try await withLianxin { app, _ in
            for community in ["361102001001", "361102001001", "361102001001", "361102001002", "361103001001"] {
                try await volunteer(community, on: app.db)
            }
            let township = try #require(DivisionCode("361102001"))
            let counts = try await CommunityServicesQueries.volunteerCounts(within: township, on: app.db)
                .sorted { $0.communityCode < $1.communityCode }
            #expect(counts == [.init(communityCode: "361102001001", count: 3), .init(communityCode: "361102001002", count: 1)])
            let elsewhere = try #require(DivisionCode("361104"))
            #expect(try await CommunityServicesQueries.volunteerCounts(within: elsewhere, on: app.db).isEmpty)
        }
    }

    @Test func aLockedRowCanStillBeChangedInsideItsOwnTransaction() async throws {
        try await withLianxin { app, _ in
            try await wish("361102001001", .posted, on: app.db)
            let row = try #require(try await Wish.query(on: app.db).first())
            let id = try row.requireID()
            try await app.db.transaction { db in
                try await CommunityServicesQueries.lock(Wish.schema, id: id, on: db)
                try await Wish.query(on: db).filter(\.$id == id).set(\.$status, to: WishStatus.claimed.rawValue).update()
            }
            #expect(try await Wish.find(id, on: app.db)?.status == WishStatus.claimed.rawValue)
        }
    }
}
