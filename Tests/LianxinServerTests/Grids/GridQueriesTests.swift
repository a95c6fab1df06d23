import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

@Suite("GridQueries on the demo city")
struct GridQueriesTests {
    static let community = DivisionCode("361102001001")!

    func change(_ division: String, status: GridChangeStatus, effectiveOn: String? = nil, at: Date, on db: any Database) async throws -> GridChange {
        let change = GridChange()
        change.id = UUID()
        change.divisionCode = division
        change.kind = "redraw"
        change.title = "t"
        change.reason = "reason"
        change.status = status.rawValue
        change.round = 1
        change.grids = "{}"
        change.retiring = "[]"
        change.proposedBy = UUID()
        change.proposedAt = at
        change.updatedAt = at
        change.effectiveOn = effectiveOn
        try await change.create(on: db)
        return change
    }

    func review(_ change: GridChange, round: Int, decision: String, at: Date, on db: any Database) async throws {
        let review = GridChangeReview()
        review.changeID = try change.requireID()
        review.round = round
        review.reviewerID = UUID()
        review.reviewerName = "reviewer"
        review.reviewerRole = Role.departmentLead.rawValue
        review.decision = decision
        review.comment = ""
        review.at = at
        try await review.create(on: db)
    }

    @Test func gridsInForceAreScopedNarrowedAndGiveTheirCommunities() async throws {
        try await withLianxin(demo: true) { app, _ in
            let inCommunity = try await GridQueries.gridsInForce(within: Self.community, on: app.db)
            let everywhere = try await GridQueries.gridsInForce(within: nil, on: app.db)
            #expect(!inCommunity.isEmpty)
            #expect(inCommunity.allSatisfy { $0.communityCode == Self.community.value && $0.validTo == nil })
            #expect(inCommunity.map(\.code) == inCommunity.map(\.code).sorted())
            #expect(everywhere.count > inCommunity.count)
            let first = try #require(inCommunity.first)
            #expect(try await GridQueries.gridsInForce(within: Self.community, code: first.code, on: app.db).map(\.code) == [first.code])
            #expect(try await GridQueries.gridsInForce(within: DivisionCode("361103")!, code: first.code, on: app.db).isEmpty)
            #expect(try await GridQueries.communities(ofGridsInForce: [first.code, "no-such-grid"], on: app.db) == [Self.community.value])
            #expect(try await GridQueries.communities(ofGridsInForce: [], on: app.db).isEmpty)
        }
    }

    @Test func openOrderCountsCountOpenOrdersOfTheSubtreeByGrid() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            var ids: [UUID] = []
            for _ in 0..<4 { ids.append(try await staff.create().json(WorkOrderDTO.self).id) }
            _ = try await staff.create()
            let orders = try await WorkOrder.query(on: app.db).filter(\.$id ~~ ids).all()
            for (index, order) in orders.enumerated() {
                order.gridCode = "QUERY-TEST"
                if index == 2 { order.divisionCode = "361103001001" }
                if index == 3 { order.status = WorkOrderStatus.closed.rawValue }
                try await order.update(on: app.db)
            }
            let township = try await GridQueries.openOrderCounts(within: DivisionCode("361102")!, on: app.db)
            #expect(township["QUERY-TEST"] == 2, "two open orders in 361102, one outside, one closed")
            #expect(try await GridQueries.openOrderCounts(within: DivisionCode("361103")!, on: app.db)["QUERY-TEST"] == 1)
            #expect(try await GridQueries.openOrderCounts(within: DivisionCode("361125")!, on: app.db)["QUERY-TEST"] == nil)
        }
    }

    @Test func changesReviewsApprovalsAndDueChanges() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let now = clock.now
            let older = try await change("361102001", status: .submitted, at: now.addingTimeInterval(-60), on: app.db)
            let newer = try await change("361102001001", status: .approved, effectiveOn: "2026-01-05", at: now, on: app.db)
            let later = try await change("361102001", status: .approved, effectiveOn: "2026-01-09", at: now, on: app.db)
            let outside = try await change("361103001", status: .approved, effectiveOn: "2026-01-01", at: now, on: app.db)
            let listed = try await GridQueries.changes(within: DivisionCode("361102001")!, on: app.db).map(\.id)
            #expect(Set(listed) == Set([older.id, newer.id, later.id]))
            #expect(listed.last == older.id, "newest first")

            try await review(older, round: 1, decision: "comment", at: now.addingTimeInterval(5), on: app.db)
            try await review(older, round: 1, decision: "approve", at: now.addingTimeInterval(1), on: app.db)
            try await review(older, round: 2, decision: "approve", at: now.addingTimeInterval(9), on: app.db)
            try await review(older, round: 2, decision: "approve", at: now.addingTimeInterval(10), on: app.db)
            let reviews = try await GridQueries.reviews(of: older.requireID(), on: app.db)
            #expect(reviews.map(\.decision) == ["approve", "comment", "approve", "approve"], "oldest first")
            #expect(try await GridQueries.approvals(of: older.requireID(), round: 1, on: app.db) == 1)
            #expect(try await GridQueries.approvals(of: older.requireID(), round: 2, on: app.db) == 2)
            #expect(try await GridQueries.approvals(of: newer.requireID(), round: 1, on: app.db) == 0)

            let due = try await GridQueries.approvedChanges(dueBy: LocalDate(iso: "2026-01-05")!, on: app.db).map(\.id)
            #expect(Set(due) == Set([newer.id, outside.id]), "approved and due; the submitted one and the later one wait")
        }
    }
}
