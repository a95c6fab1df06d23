import Foundation
import Testing
import Vapor
import Fluent
@testable import LianxinServer

@Suite("Several instances on one PostgreSQL")
struct TwoInstanceTests {
    @Test func twoServerInstancesFireEachSLAAlertExactlyOnce() async throws {
        guard TestDatabase.isPostgres else {
            print("skipping: several instances share a PostgreSQL database (SQLite deployments run one instance)")
            return
        }
        let clock = TestClock(SLASchedulerTests.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            var body = Staff.newOrder
            body["categoryCode"] = "0101"
            for _ in 0..<40 { _ = try await staff.create(body) }
            clock.advance(3600)
            // A second instance: its own application, connection pool and scheduler, on the same schema.
            let second = try await Application.make(.testing)
            do {
                try await configure(second, settings: app.lianxin.settings, now: { clock.now })
                let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                    for (instance, application) in [("a", app), ("b", second)] {
                        group.addTask {
                            var total = 0
                            while true {
                                let fired = try await SLASweep.sweep(application, instance: instance, batch: 5)
                                if fired == 0 { return total }
                                total += fired
                            }
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(counts.reduce(0, +) == 80, "40 warnings and 40 breaches, each fired once")
                #expect(counts.allSatisfy { $0 > 0 }, "both instances did part of the work: \(counts)")
                let firedBy = Set(try await SLAAlert.query(on: app.db).filter(\.$firedAt != nil).all().compactMap(\.firedBy))
                #expect(firedBy == ["a", "b"])
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }
}
