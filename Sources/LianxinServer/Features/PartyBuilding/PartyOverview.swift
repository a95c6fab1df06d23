import Vapor
import Fluent
import LianxinCore

/// The party-points system at a glance for a county leader: counts, the monthly trend of approved points, each
/// division's members, posts claimed, average total and five-star members, and how the stars fall.
struct PartyOverview: Content {
    struct Month: Content {
        var month: String
        var entries: Int
        var points: Int
        /// The bar's length on the page, 0–100.
        var bar: Int
    }

    struct DivisionLine: Content {
        var divisionCode: String
        var division: String
        var branches: Int
        var members: Int
        var activists: Int
        var claimed: Int
        var averageTotal: Int
        var fiveStars: Int
        var pending: Int
        var householdsWithin: Int
    }

    struct BranchLine: Content {
        var id: String
        var name: String
        var division: String
        var members: Int
    }

    var year: Int
    var branches: Int
    var members: Int
    var activists: Int
    var claimedMembers: Int
    var pendingEntries: Int
    var approvedPoints: Int
    var householdsWithin: Int
    /// Households credited for their conduct this year (以评弘德), the points credited and the points they spent.
    var householdsCredited: Int
    var householdPointsAwarded: Int
    var householdPointsSpent: Int
    /// Members with 1, 2, 3, 4 and 5 stars.
    var stars: [Int]
    var months: [Month]
    var divisions: [DivisionLine]
    var branchList: [BranchLine]

    static func load(_ req: Request, principal: Principal, year: Int) async throws -> PartyOverview {
        let figures = PartyFigures(req: req, principal: principal)
        let branches = try await PartyBranch.query(on: req.db).inScope(\.$divisionCode, principal).sort(\.$divisionCode).sort(\.$name).all()
        let members = try await PartyMember.query(on: req.db).inScope(\.$divisionCode, principal).all()
        let cards = try await figures.cards(members, year: year)
        let households = try await figures.households(members)
        let claims = try await PartyPostClaim.query(on: req.db).inScope(\.$divisionCode, principal).filter(\.$year == year).all()
        let claimed = Set(claims.map(\.memberID))
        let entries = try await PartyPointsEntry.query(on: req.db).inScope(\.$divisionCode, principal).filter(\.$year == year).all()
        let approved = entries.filter { $0.status == PartyPointsEntryStatus.approved.rawValue }
        let pending = entries.filter { $0.status == PartyPointsEntryStatus.pending.rawValue }

        var months: [Month] = (1...12).map { Month(month: String(format: "%04d-%02d", year, $0), entries: 0, points: 0, bar: 0) }
        for entry in approved {
            guard let month = Int(entry.occurredOn.dropFirst(5).prefix(2)), (1...12).contains(month) else { continue }
            months[month - 1].entries += 1
            months[month - 1].points += entry.points
        }
        let most = max(1, months.map { abs($0.points) }.max() ?? 1)
        for index in months.indices { months[index].bar = abs(months[index].points) * 100 / most }

        let names = Dictionary(
            try await Division.query(on: req.db).filter(\.$id ~~ Array(Set(members.map(\.divisionCode) + branches.map(\.divisionCode)))).all()
                .map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { first, _ in first })
        let within = { (member: PartyMember) in member.id.map { HouseholdLinkLoad(count: households[$0] ?? 0) == .within } ?? false }
        let codes = Array(Set(members.map(\.divisionCode) + branches.map(\.divisionCode))).sorted()
        let divisions = codes.map { code -> DivisionLine in
            let here = members.filter { $0.divisionCode == code }
            let totals = here.compactMap { $0.id.flatMap { cards[$0]?.total } }
            return DivisionLine(
                divisionCode: code, division: names[code] ?? code, branches: branches.filter { $0.divisionCode == code }.count, members: here.count,
                activists: here.filter { $0.kind == "activist" }.count, claimed: here.filter { $0.id.map(claimed.contains) ?? false }.count,
                averageTotal: totals.isEmpty ? 0 : totals.reduce(0, +) / totals.count,
                fiveStars: here.filter { $0.id.flatMap { cards[$0]?.stars } == 5 }.count,
                pending: pending.filter { $0.divisionCode == code }.count, householdsWithin: here.filter(within).count)
        }
        let awards = try await ConductAward.query(on: req.db).inScope(\.$divisionCode, principal).all()
            .filter { $0.occurredOn.hasPrefix("\(year)-") }
        let credited = Set(try await ConductAward.query(on: req.db).inScope(\.$divisionCode, principal).all(\.$householdID))
        let spent = try await Exchange.query(on: req.db).within(\.$communityCode, principal.division).all()
            .filter { credited.contains($0.volunteerID) && PartyLookup.year(of: $0.at) == year }
        var stars = [0, 0, 0, 0, 0]
        for card in cards.values { stars[card.stars - 1] += 1 }
        return PartyOverview(
            year: year, branches: branches.count, members: members.filter { $0.kind == "member" }.count,
            activists: members.filter { $0.kind == "activist" }.count, claimedMembers: claimed.count, pendingEntries: pending.count,
            approvedPoints: approved.reduce(0) { $0 + $1.points }, householdsWithin: members.filter(within).count,
            householdsCredited: Set(awards.map(\.householdID)).count,
            householdPointsAwarded: awards.reduce(0) { $0 + $1.points }, householdPointsSpent: spent.reduce(0) { $0 + $1.points }, stars: stars,
            months: months,
            divisions: divisions,
            branchList: branches.map { branch in
                BranchLine(
                    id: branch.id?.uuidString ?? "", name: branch.name, division: names[branch.divisionCode] ?? branch.divisionCode,
                    members: members.filter { $0.branchID == branch.id }.count)
            })
    }
}
