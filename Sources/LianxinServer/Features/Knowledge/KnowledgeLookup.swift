import Vapor
import Fluent
import LianxinCore

/// Finding entries a principal may see or write, and searching the published ones.
enum KnowledgeLookup {
    /// Whether the principal may write the entry: a unit's staff their unit's entries, the others those owned in
    /// their division's subtree.
    static func canWrite(_ entry: KnowledgeEntry, _ principal: Principal) -> Bool {
        guard principal.role.can(.writeKnowledge) || principal.role.can(.approveKnowledge) else { return false }
        if principal.role.requiresDepartment { return entry.departmentID != nil && entry.departmentID == principal.departmentID }
        return principal.canSee(divisionCode: entry.divisionCode)
    }

    /// Whether the entry applies on the principal's line (in a division above, at or below theirs).
    static func applies(_ entry: KnowledgeEntry, to principal: Principal) -> Bool {
        entry.divisions.split(separator: ",").compactMap { DivisionCode(String($0)) }.contains { $0.isRelated(to: principal.division) }
    }

    /// Whether the principal may read the entry: its writers always; others once it was published and applies to them.
    static func canRead(_ entry: KnowledgeEntry, _ principal: Principal) -> Bool {
        guard principal.role.can(.viewKnowledge) else { return false }
        if canWrite(entry, principal) { return true }
        let everPublished = entry.status != KnowledgeStatus.draft.rawValue && entry.status != KnowledgeStatus.pending.rawValue
        return everPublished && applies(entry, to: principal)
    }

    /// The entry `raw` names, or 404 (audited) when it does not exist or the principal may not read it.
    static func find(_ raw: String?, for principal: Principal, _ req: Request) async throws -> KnowledgeEntry {
        guard let raw, let id = UUID(uuidString: raw), let entry = try await KnowledgeEntry.find(id, on: req.db) else {
            throw Problem.notFound("knowledge entry")
        }
        guard canRead(entry, principal) else { throw await req.outOfScope("knowledge entry", target: "knowledge:\(raw)") }
        return entry
    }

    /// The entry for a write: 404 when unreadable, 403 when readable but not the principal's to change.
    static func findForWrite(_ raw: String?, for principal: Principal, _ req: Request) async throws -> KnowledgeEntry {
        let entry = try await find(raw, for: principal, req)
        guard canWrite(entry, principal) else { throw Problem.forbidden }
        return entry
    }

    /// How many of the engine's best matches the ranker orders.
    static let candidateLimit = 100

    /// The published entries valid today that best answer `text`, best first, with their scores.
    static func search(
        _ text: String, for principal: Principal, categoryCode: String? = nil, limit: Int, on db: any Database, now: Date
    ) async throws -> [(KnowledgeEntry, Double)] {
        let query = KnowledgeQuery(text)
        guard !query.terms.isEmpty else { return [] }
        let today = LocalDate(now, in: WorkCalendar.shanghai).description
        let candidates = try await KnowledgeSearchIndex.candidates(
            query, within: principal.division, today: today, categoryCode: categoryCode, limit: candidateLimit, on: db.sql)
        let ranked = KnowledgeRanker.rank(query, candidates, limit: limit)
        guard !ranked.isEmpty else { return [] }
        let entries = try await KnowledgeEntry.query(on: db).filter(\.$id ~~ ranked.map(\.0.id)).all()
        let byID = Dictionary(entries.compactMap { e in e.id.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        return ranked.compactMap { candidate, score in byID[candidate.id].map { ($0, score) } }
    }

    /// Entries the principal may read, newest change first, optionally of one status or waiting for their approval.
    static func list(for principal: Principal, status: KnowledgeStatus?, limit: Int, on db: any Database) async throws -> [KnowledgeEntry] {
        var query = KnowledgeEntry.query(on: db).sort(\.$updatedAt, .descending).sort(\.$id)
        if let status { query = query.filter(\.$status == status.rawValue) }
        // Filtered in the database by division and unit; the finer read rule (published and applying) below.
        let mine = principal.division
        query = query.group(.or) { group in
            group.within(\.$divisionCode, mine)
            for above in mine.lineage.dropFirst() { group.filter(\.$divisionCode == above.value) }
            if let unit = principal.departmentID { group.filter(\.$departmentID == unit) }
        }
        return try await query.limit(limit * 2).all().filter { canRead($0, principal) }.prefix(limit).map { $0 }
    }
}
