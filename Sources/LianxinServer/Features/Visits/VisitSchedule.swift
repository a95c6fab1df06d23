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

    /// Each household's tags (its own and its members') and its last real visit (`VisitContent`: an empty
    /// visit does not count as the household visited).
    static func states(of households: [Household], on db: any Database) async throws -> (tags: [UUID: Set<String>], lastVisit: [UUID: Date]) {
        let ids = households.compactMap(\.id)
        var tags: [UUID: Set<String>] = [:]
        for household in households { if let id = household.id { tags[id] = Set(TagList.decode(household.tags)) } }
        var lastVisit: [UUID: Date] = [:]
        for chunk in ids.chunked(500) {
            for resident in try await Resident.query(on: db).filter(\.$householdID ~~ chunk).field(\.$householdID).field(\.$tags).all() {
                tags[resident.householdID, default: []].formUnion(TagList.decode(resident.tags))
            }
            let visits = try await Visit.query(on: db).filter(\.$householdID ~~ chunk)
                .field(\.$id).field(\.$householdID).field(\.$visitedAt).field(\.$note).field(\.$findings).all()
            let bare = visits.filter { VisitContent(note: $0.note, findings: Self.findingCount($0.findings), photos: 0).isEmpty }
            let photographed =
                bare.isEmpty
                ? Set<UUID>()
                : Set(try await VisitPhoto.query(on: db).filter(\.$visitID ~~ bare.compactMap(\.id)).all().compactMap(\.visitID))
            let empty = Set(bare.compactMap(\.id)).subtracting(photographed)
            for visit in visits where !empty.contains(visit.id ?? UUID()) {
                lastVisit[visit.householdID] = max(lastVisit[visit.householdID] ?? .distantPast, visit.visitedAt)
            }
        }
        return (tags, lastVisit)
    }

    /// How many findings a visit's stored JSON array holds (0 for anything unreadable).
    static func findingCount(_ json: String) -> Int {
        ((try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [Any])?.count ?? 0
    }
}
