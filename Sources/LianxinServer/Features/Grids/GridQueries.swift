import Foundation
import Fluent
import SQLKit
import LianxinCore

/// The grid area's queries: grids in force, open orders per grid, and the grid changes with their reviews.
enum GridQueries {
    /// Grids in force under `division` (every grid when nil), by code; `code` narrows to one grid.
    static func gridsInForce(within division: DivisionCode?, code: String? = nil, on db: any Database) async throws -> [Grid] {
        var query = Grid.query(on: db).filter(\.$validTo == nil)
        if let division { query = query.within(\.$communityCode, division) }
        if let code { query = query.filter(\.$code == code) }
        return try await query.sort(\.$code).all()
    }

    /// The communities of the grids in force among `codes`.
    static func communities(ofGridsInForce codes: [String], on db: any Database) async throws -> [String] {
        guard !codes.isEmpty else { return [] }
        return try await Grid.query(on: db).filter(\.$validTo == nil).filter(\.$code ~~ codes).all().map(\.communityCode)
    }

    /// Open work orders per grid code, for the orders of `division`'s subtree that lie in a grid.
    static func openOrderCounts(within division: DivisionCode, on db: any Database) async throws -> [String: Int] {
        struct Row: Decodable { let grid_code: String?; let n: Int }
        let open = WorkOrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
        let rows = try await db.sql.raw(
            """
            SELECT grid_code, COUNT(*) AS n FROM work_orders WHERE \(DivisionScope.sql("division_code", within: division))
            AND status IN (\(binds: open)) AND grid_code IS NOT NULL GROUP BY grid_code
            """
        ).all(decoding: Row.self)
        return rows.reduce(into: [:]) { counts, row in if let code = row.grid_code { counts[code] = row.n } }
    }

    /// The latest 200 grid changes of `division`'s subtree, newest first.
    static func changes(within division: DivisionCode, on db: any Database) async throws -> [GridChange] {
        try await GridChange.query(on: db).within(\.$divisionCode, division).sort(\.$proposedAt, .descending).limit(200).all()
    }

    /// Every review of a change, oldest first.
    static func reviews(of changeID: UUID, on db: any Database) async throws -> [GridChangeReview] {
        try await GridChangeReview.query(on: db).filter(\.$changeID == changeID).sort(\.$at).all()
    }

    /// How many departments approved the change in `round`.
    static func approvals(of changeID: UUID, round: Int, on db: any Database) async throws -> Int {
        try await GridChangeReview.query(on: db).filter(\.$changeID == changeID).filter(\.$round == round)
            .filter(\.$decision == GridChangeReviewDecision.approve.rawValue).count()
    }

    /// Approved changes whose effective day is `day` or earlier, in the order they were proposed.
    static func approvedChanges(dueBy day: LocalDate, on db: any Database) async throws -> [GridChange] {
        try await GridChange.query(on: db).filter(\.$status == GridChangeStatus.approved.rawValue)
            .filter(\.$effectiveOn <= day.description).sort(\.$proposedAt).all()
    }

    /// The first community code any grid belongs to, in code order.
    static func firstCommunity(on db: any Database) async throws -> String? {
        try await db.sql.raw("SELECT DISTINCT community_code FROM grids ORDER BY community_code LIMIT 1").first()
            .map { try $0.decode(column: "community_code", as: String.self) }
    }
}
