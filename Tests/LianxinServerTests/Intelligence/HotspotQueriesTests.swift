import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

@Suite("HotspotQueries")
struct HotspotQueriesTests {
    func run(_ slot: String, finishedAt: Date?, on db: any Database) async throws -> HotspotRun {
        let run = HotspotRun()
        run.slot = slot
        run.windowEnd = finishedAt ?? Date()
        run.startedAt = run.windowEnd
        run.finishedAt = finishedAt
        run.parameters = "{}"
        run.orderCount = 0
        run.hotspotCount = 0
        run.durationMilliseconds = 1
        try await run.create(on: db)
        return run
    }

    func hotspot(of run: HotspotRun, _ division: String, orders: Int, status: String = "open", on db: any Database) async throws -> HotspotRecord {
        let record = HotspotRecord()
        record.id = UUID()
        record.runID = try run.requireID()
        record.divisionCode = division
        record.mainDivisionCode = division
        record.latitude = 28.45
        record.longitude = 117.95
        record.radiusMeters = 100
        record.orderCount = orders
        record.previousCount = 0
        record.trend = "rising"
        record.categoryCode = "0601"
        record.categories = "[]"
        record.firstAt = run.windowEnd
        record.lastAt = run.windowEnd
        record.memberIDs = "[]"
        record.sampleIDs = "[]"
        record.status = status
        try await record.create(on: db)
        return record
    }

    @Test func theLatestFinishedPassAndItsHotspotsInScope() async throws {
        try await withLianxin { app, _ in
            let base = Date(timeIntervalSince1970: 1_795_000_000)
            let older = try await run("a", finishedAt: base, on: app.db)
            let latest = try await run("b", finishedAt: base.addingTimeInterval(600), on: app.db)
            _ = try await run("c", finishedAt: nil, on: app.db)
            #expect(try await HotspotQueries.latestRun(on: app.db)?.id == latest.id, "the unfinished pass does not count")

            _ = try await hotspot(of: older, "361102001001", orders: 50, on: app.db)
            let small = try await hotspot(of: latest, "361102001001", orders: 3, on: app.db)
            let big = try await hotspot(of: latest, "361102002001", orders: 9, on: app.db)
            let dismissed = try await hotspot(of: latest, "361102001002", orders: 5, status: "dismissed", on: app.db)
            _ = try await hotspot(of: latest, "361103001001", orders: 7, on: app.db)

            let runID = try latest.requireID()
            let county = try await HotspotQueries.records(of: runID, within: DivisionCode("361102")!, status: nil, on: app.db)
            #expect(county.map(\.id) == [big.id, dismissed.id, small.id], "this pass, this county, most orders first")
            let open = try await HotspotQueries.records(of: runID, within: DivisionCode("361102")!, status: "open", on: app.db)
            #expect(open.map(\.id) == [big.id, small.id])
            let township = try await HotspotQueries.records(of: runID, within: DivisionCode("361102001")!, status: nil, on: app.db)
            #expect(township.map(\.id) == [dismissed.id, small.id])
        }
    }

    @Test func anOpenHotspotIsClaimedOnce() async throws {
        try await withLianxin { app, _ in
            let pass = try await run("a", finishedAt: Date(), on: app.db)
            let record = try await hotspot(of: pass, "361102001001", orders: 4, on: app.db)
            let dismissed = try await hotspot(of: pass, "361102001001", orders: 4, status: "dismissed", on: app.db)
            let user = UUID()
            #expect(try await HotspotQueries.claim(record.requireID(), by: user, on: app.db))
            #expect(try await !HotspotQueries.claim(record.requireID(), by: UUID(), on: app.db), "already claimed")
            #expect(try await !HotspotQueries.claim(dismissed.requireID(), by: user, on: app.db), "not open")
            let stored = try #require(try await HotspotRecord.find(record.id, on: app.db))
            #expect(stored.status == "tasking")
            #expect(stored.handledBy == user)
        }
    }
}
