import Foundation
import Fluent
import SQLKit
import LianxinCore

/// The community-services SQL written by hand: counts grouped per community in the database, and row locks.
enum CommunityServicesQueries {
    /// How many rows of one community have one status.
    struct StatusCount: Decodable, Sendable, Equatable {
        let communityCode: String
        let status: String
        let count: Int

        enum CodingKeys: String, CodingKey {
            case communityCode = "community_code", status, count = "n"
        }
    }

    /// How many rows one community has.
    struct CommunityCount: Decodable, Sendable, Equatable {
        let communityCode: String
        let count: Int

        enum CodingKeys: String, CodingKey {
            case communityCode = "community_code", count = "n"
        }
    }

    /// Rows of `table` (wishes or service orders: a `community_code` and a `status` column) counted per
    /// community and status, for the communities in `division`'s subtree.
    static func statusCounts(of table: String, within division: DivisionCode, on db: any Database) async throws -> [StatusCount] {
        try await db.sql.raw(
            """
            SELECT community_code, status, COUNT(*) AS n FROM \(ident: table)
            WHERE \(DivisionScope.sql("community_code", within: division)) GROUP BY community_code, status
            """
        ).all(decoding: StatusCount.self)
    }

    /// Registered volunteers per community in `division`'s subtree.
    static func volunteerCounts(within division: DivisionCode, on db: any Database) async throws -> [CommunityCount] {
        try await db.sql.raw(
            """
            SELECT community_code, COUNT(*) AS n FROM \(ident: Volunteer.schema)
            WHERE \(DivisionScope.sql("community_code", within: division)) GROUP BY community_code
            """
        ).all(decoding: CommunityCount.self)
    }

    /// Locks the row `id` of `table` until the transaction `db` ends, so that concurrent writers of one wish,
    /// order, volunteer or stock line wait for each other (PostgreSQL). SQLite's writes are already serialized.
    static func lock(_ table: String, id: UUID, on db: any Database) async throws {
        guard !db.isSQLite else { return }
        try await db.sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").run()
    }
}
