import Foundation
import Testing
import Vapor
import Fluent
import LianxinCore
@testable import LianxinServer

/// The work orders' hand-written SQL, run directly against both engines.
@Suite("WorkOrderQueries: the conditional update, the number counter and the alert claim")
struct WorkOrderQueriesTests {
    /// Files one order through the service, as the hotline desk would.
    static func fileOrder(_ app: Application) async throws -> WorkOrder {
        let user = try #require(try await User.query(on: app.db).filter(\.$username == "operator").first())
        let principal = try Principal(user: user, sessionID: nil, csrfToken: nil)
        let service = WorkOrderService(application: app, database: app.db)
        var input = NewWorkOrder()
        input.title = "路灯不亮"
        input.description = "幸福路口的路灯晚上不亮"
        input.categoryCode = "0101"
        input.divisionCode = "361102"
        let valid = try await service.validate(input, scope: principal.division)
        return try await service.create(valid, by: principal.workOrderActor, idempotencyKey: nil).0
    }

    @Test func theDaysCounterHandsOutConsecutiveRangesPerDay() async throws {
        try await withLianxin { app, _ in
            let first = try await WorkOrderQueries.reserveNumbers(3, day: "20261206", on: app.db)
            let second = try await WorkOrderQueries.reserveNumbers(2, day: "20261206", on: app.db)
            let otherDay = try await WorkOrderQueries.reserveNumbers(1, day: "20261207", on: app.db)
            #expect(first == 3)
            #expect(second == 5)
            #expect(otherDay == 1)
        }
    }

    @Test func aRowIsSavedOnlyAtTheVersionItWasReadAt() async throws {
        try await withLianxin(demo: true) { app, _ in
            let order = try await Self.fileOrder(app)
            let read = order.version
            order.priority = "urgent"
            order.version = read + 1
            let saved = try await WorkOrderQueries.saveIfUnchanged(order, expectedVersion: read, on: app.db)
            #expect(saved)
            order.priority = "normal"
            let stale = try await WorkOrderQueries.saveIfUnchanged(order, expectedVersion: read, on: app.db)
            #expect(!stale, "a second writer holding the old version must not overwrite")
            let stored = try #require(try await WorkOrder.find(order.id, on: app.db))
            #expect(stored.priority == "urgent")
            #expect(stored.version == read + 1)
        }
    }

    @Test func dueUnfiredAlertsAreClaimedEarliestFirstUpToTheBatch() async throws {
        try await withLianxin(demo: true) { app, _ in
            for _ in 0..<3 { _ = try await Self.fileOrder(app) }
            let now = app.lianxin.now()
            let future = now.addingTimeInterval(10 * 365 * 86_400)
            let claimed = try await app.db.transaction { db in
                try await WorkOrderQueries.claimDueAlerts(now: future, batch: 5, on: db)
            }
            #expect(claimed.count == 5)
            let alerts = try await SLAAlert.query(on: app.db).filter(\.$id ~~ claimed).all()
            #expect(alerts.allSatisfy { $0.firedAt == nil && $0.dueAt <= future })
            let earliest = try #require(
                try await SLAAlert.query(on: app.db).filter(\.$firedAt == nil).sort(\.$dueAt).first())
            #expect(alerts.map(\.dueAt).min() == earliest.dueAt)
            let none = try await app.db.transaction { db in
                try await WorkOrderQueries.claimDueAlerts(now: Date(timeIntervalSince1970: 0), batch: 5, on: db)
            }
            #expect(none.isEmpty)
        }
    }

    @Test func divisionLookupsAnswerFromTheTree() async throws {
        try await withLianxin(demo: true) { app, _ in
            let known = try await DivisionQueries.exists(try #require(DivisionCode("361102")), on: app.db)
            let unknown = try await DivisionQueries.exists(try #require(DivisionCode("999999")), on: app.db)
            #expect(known)
            #expect(!unknown)
            let county = try await DivisionQueries.firstCounty(on: app.db)
            #expect(county?.count == 6)
            #expect(county?.hasPrefix("3611") == true)
            let community = try await GridQueries.firstCommunity(on: app.db)
            #expect(community?.hasPrefix("3611") == true)
        }
    }
}
