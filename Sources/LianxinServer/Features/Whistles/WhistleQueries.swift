import Fluent
import Foundation
import LianxinCore

/// The whistle area's queries: whistles in a division or summoning a department, and their summons.
enum WhistleQueries {
    /// The latest 200 whistles of `division`'s subtree, newest first.
    static func latest(within division: DivisionCode, on db: any Database) async throws -> [Whistle] {
        try await Whistle.query(on: db).within(\.$divisionCode, division).sort(\.$blownAt, .descending).limit(200).all()
    }

    /// The latest 200 whistles that summoned `department`, newest first.
    static func latest(summoning department: UUID, on db: any Database) async throws -> [Whistle] {
        let ids = try await WhistleSummons.query(on: db).filter(\.$departmentID == department).all(\.$whistleID)
        return try await Whistle.query(on: db).filter(\.$id ~~ ids).sort(\.$blownAt, .descending).limit(200).all()
    }

    /// Whistles of `division`'s subtree blown in `[start, end)`.
    static func blown(within division: DivisionCode, from start: Date, to end: Date, on db: any Database) async throws -> [Whistle] {
        try await Whistle.query(on: db).within(\.$divisionCode, division).filter(\.$blownAt >= start).filter(\.$blownAt < end).all()
    }

    /// The summons of the given whistles.
    static func summons(of whistleIDs: [UUID], on db: any Database) async throws -> [WhistleSummons] {
        guard !whistleIDs.isEmpty else { return [] }
        return try await WhistleSummons.query(on: db).filter(\.$whistleID ~~ whistleIDs).all()
    }
}
