import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

@Suite("WhistleQueries on the demo city")
struct WhistleQueriesTests {
    func blow(_ division: String, at: Date, summoning departments: [UUID], on db: any Database) async throws -> Whistle {
        let whistle = Whistle()
        whistle.divisionCode = division
        whistle.title = "t"
        whistle.description = ""
        whistle.requiredArrivalAt = at.addingTimeInterval(1800)
        whistle.status = WhistleStatus.open.rawValue
        whistle.blownBy = UUID()
        whistle.blownAt = at
        try await whistle.create(on: db)
        for department in departments {
            let summons = WhistleSummons()
            summons.whistleID = try whistle.requireID()
            summons.departmentID = department
            try await summons.create(on: db)
        }
        return whistle
    }

    @Test func whistlesAreFoundByDivisionByDepartmentAndByMonth() async throws {
        let clock = TestClock(SLASchedulerTests.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let cg = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first()?.id)
            let zj = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-ZJ").first()?.id)
            let now = clock.now
            let early = try await blow("361102001001", at: now.addingTimeInterval(-40 * 86_400), summoning: [cg], on: app.db)
            let recent = try await blow("361102001", at: now, summoning: [cg, zj], on: app.db)
            let elsewhere = try await blow("361103001", at: now.addingTimeInterval(-60), summoning: [zj], on: app.db)

            let township = try await WhistleQueries.latest(within: DivisionCode("361102001")!, on: app.db).map(\.id)
            #expect(township == [recent.id, early.id], "in the subtree, newest first")
            #expect(try await WhistleQueries.latest(within: DivisionCode("361102001001")!, on: app.db).map(\.id) == [early.id])
            #expect(try await WhistleQueries.latest(summoning: cg, on: app.db).map(\.id) == [recent.id, early.id])
            #expect(try await WhistleQueries.latest(summoning: zj, on: app.db).map(\.id) == [recent.id, elsewhere.id])

            let month = try await WhistleQueries.blown(
                within: DivisionCode("361102")!, from: now.addingTimeInterval(-86_400),
                to: now.addingTimeInterval(86_400), on: app.db)
            #expect(month.map(\.id) == [recent.id], "the early one is outside the window, the other outside the division")

            let summons = try await WhistleQueries.summons(of: [recent.requireID(), elsewhere.requireID()], on: app.db)
            #expect(summons.count == 3)
            #expect(Set(summons.map(\.departmentID)) == [cg, zj])
            #expect(try await WhistleQueries.summons(of: [], on: app.db).isEmpty)
        }
    }
}
