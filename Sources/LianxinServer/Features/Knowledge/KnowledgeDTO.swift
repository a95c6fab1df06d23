import Vapor
import Fluent
import LianxinCore

/// An entry in the API.
struct KnowledgeDTO: Content {
    var id: UUID
    var status: String
    var version: Int
    var question: String
    var answer: String
    var keywords: String
    var categoryCode: String?
    var divisionCodes: [String]
    var departmentId: UUID?
    var validFrom: String?
    var validTo: String?
    var answeredCount: Int
    var decisionNote: String?
    var updatedAt: Date
    /// The search score (0 to about 1.5) when the entry was found by a query.
    var score: Double?
    /// Every version, oldest first, on the single-entry read.
    var versions: [KnowledgeVersionDTO]?

    init(_ entry: KnowledgeEntry, score: Double? = nil, versions: [KnowledgeVersion]? = nil) throws {
        id = try entry.requireID()
        status = entry.status
        version = entry.version
        question = entry.question
        answer = entry.answer
        keywords = entry.keywords
        categoryCode = entry.categoryCode
        divisionCodes = entry.divisions.split(separator: ",").map(String.init)
        departmentId = entry.departmentID
        validFrom = entry.validFrom
        validTo = entry.validTo
        answeredCount = entry.answeredCount
        decisionNote = entry.decisionNote
        updatedAt = entry.updatedAt
        self.score = score.map { ($0 * 1000).rounded() / 1000 }
        self.versions = versions?.map(KnowledgeVersionDTO.init)
    }
}

/// One version of an entry's text.
struct KnowledgeVersionDTO: Content {
    var version: Int
    var question: String
    var answer: String
    var keywords: String
    var categoryCode: String?
    var divisionCodes: [String]
    var validFrom: String?
    var validTo: String?
    var editedBy: String
    var editedAt: Date
    var note: String?

    init(_ row: KnowledgeVersion) {
        version = row.version
        question = row.question
        answer = row.answer
        keywords = row.keywords
        categoryCode = row.categoryCode
        divisionCodes = row.divisions.split(separator: ",").map(String.init)
        validFrom = row.validFrom
        validTo = row.validTo
        editedBy = row.editedByName
        editedAt = row.editedAt
        note = row.note
    }
}

extension KnowledgeEntry {
    /// The entry's versions, oldest first.
    func versions(on db: any Database) async throws -> [KnowledgeVersion] {
        try await KnowledgeVersion.query(on: db).filter(\.$entryID == requireID()).sort(\.$version).all()
    }
}
