import Vapor
import Fluent
import Crypto
import LianxinCore

/// Days, the visit policy and each household's visit state.
extension VisitsController {
    static let dayFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = VisitPolicy.chinaCalendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

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
    static func visitStates(_ households: [Household], on db: any Database) async throws -> (tags: [UUID: Set<String>], lastVisit: [UUID: Date]) {
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

    static func dto(_ visit: Visit, photoIDs: [UUID]) throws -> VisitDTO {
        VisitDTO(id: try visit.requireID(), householdId: visit.householdID, gridCode: visit.gridCode, visitor: visit.visitorName,
                 visitedAt: visit.visitedAt, latitude: visit.latitude, longitude: visit.longitude, note: visit.note,
                 findings: (try? JSONDecoder().decode([Finding].self, from: Data(visit.findings.utf8))) ?? [], photoIds: photoIDs)
    }
}
