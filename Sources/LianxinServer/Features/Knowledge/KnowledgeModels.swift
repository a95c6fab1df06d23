import Fluent
import Foundation

/// A knowledge entry (知识条目) as it stands: its current version's text, its status and who decided it. Every edit
/// also writes a `KnowledgeVersion` row, so the history is complete.
final class KnowledgeEntry: Model, @unchecked Sendable {
    static let schema = "knowledge_entries"

    @ID(key: .id) var id: UUID?
    /// A `KnowledgeStatus` raw value.
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Field(key: "question") var question: String
    /// The answer or 答复口径 operators read out.
    @Field(key: "answer") var answer: String
    /// Other words callers use for the same question, comma-separated.
    @Field(key: "keywords") var keywords: String
    @OptionalField(key: "category_code") var categoryCode: String?
    /// The division codes the entry applies in, comma-separated (also one row each in `knowledge_entry_divisions`).
    @Field(key: "divisions") var divisions: String
    /// The unit responsible for the entry's content.
    @OptionalField(key: "department_id") var departmentID: UUID?
    /// The division that owns the entry (its unit's, or the writer's): writes are scoped by it.
    @Field(key: "division_code") var divisionCode: String
    /// First and last valid days (yyyy-MM-dd), nil when open.
    @OptionalField(key: "valid_from") var validFrom: String?
    @OptionalField(key: "valid_to") var validTo: String?
    /// Who wrote the current version.
    @Field(key: "author_id") var authorID: UUID
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    /// The reason of the last refusal or withdrawal.
    @OptionalField(key: "decision_note") var decisionNote: String?
    /// The `valid_to` a review reminder was last sent for.
    @OptionalField(key: "reminded_for") var remindedFor: String?
    /// The order whose answer the unit proposed as this entry.
    @OptionalField(key: "source_order_id") var sourceOrderID: UUID?
    /// How many orders were answered from it.
    @Field(key: "answered_count") var answeredCount: Int
    /// The index grams (see `KnowledgeText.grams`) of the question, keywords and answer, and all three together.
    @Field(key: "search_q") var searchQuestion: String
    @Field(key: "search_k") var searchKeywords: String
    @Field(key: "search_a") var searchAnswer: String
    @Field(key: "search_all") var searchAll: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// One version of an entry's text, written once and never changed.
final class KnowledgeVersion: Model, @unchecked Sendable {
    static let schema = "knowledge_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "entry_id") var entryID: UUID
    @Field(key: "version") var version: Int
    @Field(key: "question") var question: String
    @Field(key: "answer") var answer: String
    @Field(key: "keywords") var keywords: String
    @OptionalField(key: "category_code") var categoryCode: String?
    @Field(key: "divisions") var divisions: String
    @OptionalField(key: "department_id") var departmentID: UUID?
    @OptionalField(key: "valid_from") var validFrom: String?
    @OptionalField(key: "valid_to") var validTo: String?
    @Field(key: "edited_by") var editedBy: UUID
    @Field(key: "edited_by_name") var editedByName: String
    @Field(key: "edited_at") var editedAt: Date
    /// What changed, in the writer's words.
    @OptionalField(key: "note") var note: String?

    init() {}
}

/// One division an entry applies in: the scope filter joins these.
final class KnowledgeEntryDivision: Model, @unchecked Sendable {
    static let schema = "knowledge_entry_divisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "entry_id") var entryID: UUID
    @Field(key: "division_code") var divisionCode: String

    init() {}

    init(entryID: UUID, divisionCode: String) {
        id = UUID()
        self.entryID = entryID
        self.divisionCode = divisionCode
    }
}
