import Vapor
import Fluent
import Crypto
import LianxinCore

/// How many of the households due a visit were visited, per grid.
extension VisitsController {
    /// Coverage per grid (or per community with `by=community`) of the principal's scope: households
    /// visited within their cadence over households some rule applies to.
    func coverage(req: Request) async throws -> Coverage {
        let principal = try await req.require(.viewResidents)
        let by = try req.query.get(String?.self, at: "by") ?? "grid"
        guard ["grid", "community"].contains(by) else { throw Problem.invalid(field: "/by", "grid or community") }
        let scope = try await req.registryScope(principal)
        let households = try await scope.limit(Household.query(on: req.db)).all()
        let now = req.lianxin.now()
        let policy = try await VisitSchedule.policy(on: req.db)
        let states = try await VisitSchedule.states(of: households, on: req.db)
        var rows: [String: CoverageRow] = [:]
        for household in households {
            guard let id = household.id else { continue }
            let key = by == "grid" ? household.gridCode : household.communityCode
            var row = rows[key] ?? CoverageRow(code: key, households: 0, householdsWithRules: 0, visitedAsDue: 0, overdue: 0, coverage: nil)
            row.households += 1
            let due = policy.due(tags: states.tags[id] ?? [], lastVisit: states.lastVisit[id], lastChange: household.createdAt, now: now)
            if due.dueDay != nil {
                row.householdsWithRules += 1
                if due.isOverdue { row.overdue += 1 } else if states.lastVisit[id] != nil { row.visitedAsDue += 1 }
            }
            rows[key] = row
        }
        let definition = VisitCoverage().definition
        return Coverage(
            formula: req.language == .en ? definition.formula.en : definition.formula.zh, by: by,
            rows: rows.values.sorted { $0.code < $1.code }.map { row in
                var row = row
                row.coverage = row.householdsWithRules == 0 ? nil : Double(row.visitedAsDue) / Double(row.householdsWithRules)
                return row
            })
    }
}
