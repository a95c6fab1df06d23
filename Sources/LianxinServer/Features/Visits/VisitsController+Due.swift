import Vapor
import Fluent
import Crypto
import LianxinCore

/// The households due a visit and the visits made.
extension VisitsController {
    /// The households in the principal's scope whose visit is due by today, most urgent first.
    func due(req: Request) async throws -> [DueItem] {
        let principal = try await req.require(.viewResidents)
        let scope = try await req.registryScope(principal)
        var query = scope.limit(Household.query(on: req.db))
        if let grid = try req.query.get(String?.self, at: "grid") { query = query.filter(\.$gridCode == grid) }
        let households = try await query.limit(5000).all()
        let now = req.lianxin.now()
        let policy = try await VisitSchedule.policy(on: req.db)
        let states = try await VisitSchedule.states(of: households, on: req.db)
        let formatter = Self.dayFormatter
        var items: [(DueItem, VisitDue)] = []
        for household in households {
            guard let id = household.id else { continue }
            let tags = states.tags[id] ?? []
            let due = policy.due(tags: tags, lastVisit: states.lastVisit[id], lastChange: household.createdAt, now: now)
            guard let day = due.dueDay, day <= now else { continue }
            items.append(
                (
                    DueItem(
                        householdId: id, address: household.address, gridCode: household.gridCode, tags: tags.sorted(),
                        lastVisitAt: states.lastVisit[id], dueOn: formatter.string(from: day), daysOverdue: due.daysOverdue,
                        because: due.governingTag), due
                ))
        }
        return items.sorted { left, right in
            left.1.isMoreUrgent(than: right.1) || (!right.1.isMoreUrgent(than: left.1) && left.0.address < right.0.address)
        }.map(\.0)
    }

    func list(req: Request) async throws -> [VisitDTO] {
        let principal = try await req.require(.viewResidents)
        let scope = try await req.registryScope(principal)
        var query = Visit.query(on: req.db).inScope(\.$communityCode, principal)
        if let grids = scope.grids { query = query.filter(\.$gridCode ~~ grids) }
        if let household = try req.query.get(UUID?.self, at: "household") { query = query.filter(\.$householdID == household) }
        if let grid = try req.query.get(String?.self, at: "grid") { query = query.filter(\.$gridCode == grid) }
        let visits = try await query.sort(\.$visitedAt, .descending).limit(200).all()
        let photos = try await VisitPhoto.query(on: req.db).filter(\.$visitID ~~ visits.compactMap(\.id)).all()
        let byVisit = Dictionary(grouping: photos, by: { $0.visitID ?? UUID() })
        return try visits.map { try Self.dto($0, photoIDs: (byVisit[$0.id ?? UUID()] ?? []).compactMap(\.id)) }
    }
}
