import Vapor
import Fluent
import LianxinCore

/// The points ledger in the database: entries are only inserted (never updated or deleted), balances are sums of
/// entries, earnings follow the community's earn rules, and spending is checked under a lock of the volunteer.
enum PointsLedgerStore {
    /// The rules when a community has set none: 10 points an hour (fractions dropped), 20 per wish, 5 per event.
    static var defaultRules: EarnRules {
        // The literals are not negative, so the initializer cannot refuse them.
        (try? EarnRules(pointsPerServiceHour: 10, serviceRounding: .down, pointsPerWish: 20, pointsPerEvent: 5))!
    }

    /// The earn rules of `community`.
    static func rules(for community: String, on db: any Database) async throws -> EarnRules {
        guard let row = try await EarnRulesRecord.find(community, on: db),
            let rounding = PointsRounding(rawValue: row.rounding),
            let rules = try? EarnRules(
                pointsPerServiceHour: row.pointsPerHour, serviceRounding: rounding,
                pointsPerWish: row.pointsPerWish, pointsPerEvent: row.pointsPerEvent)
        else {
            return defaultRules
        }
        return rules
    }

    /// Records what `earning` is worth under the rules of `community`, once per reference (a second credit for the
    /// same session, wish or activity is ignored). Returns the points credited.
    @discardableResult
    static func earn(
        _ earning: Earning, volunteerID: UUID, community: String, reference: UUID, at time: Date,
        on db: any Database
    ) async throws -> Int {
        let rules = try await rules(for: community, on: db)
        guard let entry = rules.entry(for: earning, id: UUID(), volunteerID: volunteerID, referenceID: reference, time: time) else { return 0 }
        let already = try await PointsEntryRecord.query(on: db).filter(\.$volunteerID == volunteerID)
            .filter(\.$reason == entry.reason.rawValue).filter(\.$referenceID == reference).count()
        guard already == 0 else { return 0 }
        try await insert(entry, community: community, on: db)
        return entry.amount
    }

    static func insert(_ entry: PointsEntry, community: String, on db: any Database) async throws {
        let row = PointsEntryRecord()
        row.id = entry.id
        row.volunteerID = entry.volunteerID
        row.communityCode = community
        row.amount = entry.amount
        row.reason = entry.reason.rawValue
        row.referenceID = entry.referenceID ?? entry.id
        row.at = entry.time
        try await row.create(on: db)
    }

    /// The volunteer's balance: the sum of their entries (added here, since SQL's SUM of a bigint column is a
    /// numeric on PostgreSQL and an integer on SQLite).
    static func balance(of volunteerID: UUID, on db: any Database) async throws -> Int {
        try await PointsEntryRecord.query(on: db).filter(\.$volunteerID == volunteerID).all(\.$amount).reduce(0, +)
    }

    /// The volunteer's entries as the core ledger type, oldest first.
    static func entries(of volunteerIDs: [UUID]? = nil, within division: DivisionCode? = nil, on db: any Database) async throws -> [PointsEntry] {
        var query = PointsEntryRecord.query(on: db)
        if let division { query = query.within(\.$communityCode, division) }
        if let volunteerIDs { query = query.filter(\.$volunteerID ~~ volunteerIDs) }
        return try await query.sort(\.$at).all().compactMap { row in
            guard let reason = PointsReason(rawValue: row.reason) else { return nil }
            return try? PointsEntry(
                id: row.id ?? UUID(), volunteerID: row.volunteerID, amount: row.amount, reason: reason,
                referenceID: row.referenceID, time: row.at)
        }
    }
}
