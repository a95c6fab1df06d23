import Fluent
import Foundation

/// One line of the append-only audit log: who did what, when, from where, with what result.
/// The database refuses updates and deletes of this table (see `CreateAuditEntry`).
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "action") var action: String
    @Field(key: "result") var result: String
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @OptionalField(key: "actor_role") var actorRole: String?
    @OptionalField(key: "division_code") var divisionCode: String?
    @OptionalField(key: "target") var target: String?
    @OptionalField(key: "ip") var ip: String?
    @OptionalField(key: "request_id") var requestID: String?
    @OptionalField(key: "detail") var detail: String?

    init() {}
}
