import Vapor
import Fluent
import LianxinCore

/// Reading the ledger: a member's year (card, posts, households, entries), a branch's ranking, and the county's
/// figures at a glance (counts, the monthly trend, by division, the star ratings).
struct PartyFigures {
    let req: Request
    let principal: Principal

    /// Approved entries of `year` for the members in `members`, as the core card counts them, by member.
    func cards(_ members: [PartyMember], year: Int) async throws -> [UUID: PartyPointsCard] {
        let ids = members.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let entries = try await PartyPointsEntry.query(on: req.db).filter(\.$memberID ~~ ids).filter(\.$year == year)
            .filter(\.$status == PartyPointsEntryStatus.approved.rawValue).all()
        let caps = Dictionary(
            try await PartyPointsRuleRecord.query(on: req.db).filter(\.$id ~~ Array(Set(entries.map(\.ruleID)))).all().map { ($0.id!, $0.yearlyCap) },
            uniquingKeysWith: { first, _ in first })
        var schemes: [String: PartyPointsScheme] = [:]
        var cards: [UUID: PartyPointsCard] = [:]
        for member in members {
            guard let id = member.id else { continue }
            if schemes[member.divisionCode] == nil {
                schemes[member.divisionCode] = try await PartyLookup.scheme(for: member.divisionCode, on: req.db)
            }
            let lines = entries.filter { $0.memberID == id }.compactMap { entry in
                PartyPointsDimension(rawValue: entry.dimension).map {
                    PartyPointsCard.Line(rule: entry.ruleID, dimension: $0, points: entry.points, ruleCap: caps[entry.ruleID] ?? 0)
                }
            }
            cards[id] = PartyPointsCard(scheme: schemes[member.divisionCode] ?? .standard, lines: lines)
        }
        return cards
    }

    /// How many households each member looks after (党员联户 pairings that have not ended).
    func households(_ members: [PartyMember]) async throws -> [UUID: Int] {
        let ids = members.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let rows = try await Pairing.query(on: req.db).filter(\.$kind == "partyMember").filter(\.$validTo == nil).filter(\.$personID ~~ ids).all()
        var counts: [UUID: Int] = [:]
        for row in rows { if let id = row.personID { counts[id, default: 0] += 1 } }
        return counts
    }

    func entryDTOs(_ rows: [PartyPointsEntry]) async throws -> [PartyEntryDTO] {
        let rules = Dictionary(
            try await PartyPointsRuleRecord.query(on: req.db).filter(\.$id ~~ Array(Set(rows.map(\.ruleID)))).all().map { ($0.id!, $0.label) },
            uniquingKeysWith: { first, _ in first })
        let members = Dictionary(
            try await PartyMember.query(on: req.db).filter(\.$id ~~ Array(Set(rows.map(\.memberID)))).all().map { ($0.id!, $0.name) },
            uniquingKeysWith: { first, _ in first })
        return rows.map { row in
            PartyEntryDTO(
                id: row.id?.uuidString ?? "", memberId: row.memberID.uuidString, member: members[row.memberID] ?? "", rule: rules[row.ruleID] ?? "",
                dimension: row.dimension, points: row.points, occurredOn: row.occurredOn, evidence: row.evidence, status: row.status,
                submittedBy: row.submittedBy, decidedBy: row.decidedBy, decisionNote: row.decisionNote)
        }
    }

    func ledger(_ member: PartyMember, year: Int) async throws -> PartyLedgerDTO {
        let id = try member.requireID()
        let card = try await cards([member], year: year)[id] ?? PartyPointsCard(scheme: .standard, lines: [])
        let branch = try await PartyBranch.find(member.branchID, on: req.db)
        let claims = try await PartyPostClaim.query(on: req.db).filter(\.$memberID == id).filter(\.$year == year).all()
        let posts = try await PartyPost.query(on: req.db).filter(\.$id ~~ claims.map(\.postID)).sort(\.$name).all().map(\.name)
        let entries = try await PartyPointsEntry.query(on: req.db).filter(\.$memberID == id).filter(\.$year == year)
            .sort(\.$occurredOn, .descending).sort(\.$submittedAt, .descending).all()
        let households = try await households([member])[id] ?? 0
        return PartyLedgerDTO(
            memberId: id.uuidString, name: member.name, kind: member.kind, branchId: member.branchID.uuidString, branch: branch?.name ?? "",
            year: year, basePoints: card.basePoints,
            dimensions: card.dimensions.map { PartyLedgerDTO.Dimension(dimension: $0.0.rawValue, points: $0.1) }, total: card.total,
            stars: card.stars, posts: posts, households: households, householdLoad: HouseholdLinkLoad(count: households).rawValue,
            entries: try await entryDTOs(entries))
    }

    func ranking(_ branch: PartyBranch, year: Int) async throws -> PartyRankingDTO {
        let members = try await PartyMember.query(on: req.db).filter(\.$branchID == branch.requireID()).all()
        let cards = try await cards(members, year: year)
        let places = PartyRanking.rank(members.compactMap { member in member.id.map { (id: $0, name: member.name, total: cards[$0]?.total ?? 0) } })
        return PartyRankingDTO(
            branchId: try branch.requireID().uuidString, branch: branch.name, year: year,
            places: places.map {
                PartyRankingDTO.Place(rank: $0.rank, memberId: $0.id.uuidString, name: $0.name, total: $0.total, stars: cards[$0.id]?.stars ?? 1)
            })
    }
}
