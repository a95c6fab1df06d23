import Fluent
import Foundation
import LianxinCore

/// When households are due a visit: the visit rules in force and each household's tags and last
/// visit, for the visits API and the grid pages.
enum VisitSchedule {
    /// The visit rules in force.
    static func policy(on db: any Database) async throws -> VisitPolicy {
        let rows = try await VisitRuleRecord.query(on: db).all()
        let rules = rows.compactMap { row -> VisitRule? in
            guard let tag = row.id, tag != "*", let cadence = VisitCadence(text: row.cadence) else { return nil }
            return VisitRule(tagID: tag, cadence: cadence)
        }
        let fallback = rows.first { $0.id == "*" }.flatMap { VisitCadence(text: $0.cadence) }
        return VisitPolicy(rules: rules, defaultCadence: fallback)
    }

    /// Each household's tags (its own and its members') and its last visit.
    static func states(of households: [Household], on db: any Database) async throws -> (tags: [UUID: Set<String>], lastVisit: [UUID: Date]) {
        let ids = households.compactMap(\.id)
        var tags: [UUID: Set<String>] = [:]
        for household in households { if let id = household.id { tags[id] = Set(TagList.decode(household.tags)) } }
        var lastVisit: [UUID: Date] = [:]
        for chunk in ids.chunked(500) {
            for resident in try await Resident.query(on: db).filter(\.$householdID ~~ chunk).field(\.$householdID).field(\.$tags).all() {
                tags[resident.householdID, default: []].formUnion(TagList.decode(resident.tags))
            }
            for visit in try await Visit.query(on: db).filter(\.$householdID ~~ chunk).field(\.$householdID).field(\.$visitedAt).all() {
                lastVisit[visit.householdID] = max(lastVisit[visit.householdID] ?? .distantPast, visit.visitedAt)
            }
        }
        return (tags, lastVisit)
    }
}
