import Fluent
import Foundation

/// One line of the append-only audit log: who did what, when, from where, with what result.
/// The database refuses updates and deletes of this table (see `CreateAuditEntry`); each entry
/// carries its place in the chain and the hash of the one before (see `AuditChain`).
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "action") var action: String
    @Field(key: "result") var result: String
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @OptionalField(key: "actor_role") var actorRole: String?
    /// The actor's division.
    @OptionalField(key: "division_code") var divisionCode: String?
    /// The division of the record the entry is about (what auditors are scoped by), when there is one.
    @OptionalField(key: "record_division") var recordDivision: String?
    @OptionalField(key: "target") var target: String?
    @OptionalField(key: "ip") var ip: String?
    @OptionalField(key: "request_id") var requestID: String?
    @OptionalField(key: "detail") var detail: String?
    /// 1, 2, 3, … without gaps, unique.
    @OptionalField(key: "seq") var seq: Int?
    @OptionalField(key: "prev_hash") var prevHash: String?
    @OptionalField(key: "hash") var hash: String?

    init() {}
}
