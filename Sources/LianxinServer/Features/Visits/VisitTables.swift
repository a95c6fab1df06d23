import Vapor
import Fluent
import LianxinCore

/// A visit rule as data: households with this tag (or `*`, every household) are visited at this cadence.
final class VisitRuleRecord: Model, @unchecked Sendable {
    static let schema = "visit_rules"

    /// The tag code, or `*` for the cadence every household gets whatever its tags.
    @ID(custom: "tag_code", generatedBy: .user) var id: String?
    /// `daily`, `weekly`, `monthly`, `every:N` or `onChange` (`VisitCadence.text`).
    @Field(key: "cadence") var cadence: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// A household visit (走访): who, when, where, what was seen, and what came of each finding.
final class Visit: Model, @unchecked Sendable {
    static let schema = "visits"

    @ID(key: .id) var id: UUID?
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "grid_code") var gridCode: String
    @Field(key: "community_code") var communityCode: String
    @Field(key: "visitor_id") var visitorID: UUID
    @Field(key: "visitor_name") var visitorName: String
    @Field(key: "visited_at") var visitedAt: Date
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @Field(key: "note") var note: String
    /// JSON array of findings: `{description, outcome: selfHandled|workOrder, result?, orderId?, orderNumber?}`.
    @Field(key: "findings") var findings: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A photo taken on a visit: uploaded first (for a household in the visitor's scope), then attached
/// to the visit record that cites it. The bytes live in the file store like order attachments.
final class VisitPhoto: Model, @unchecked Sendable {
    static let schema = "visit_photos"

    @ID(key: .id) var id: UUID?
    @Field(key: "household_id") var householdID: UUID
    @OptionalField(key: "visit_id") var visitID: UUID?
    @Field(key: "uploader_id") var uploaderID: UUID
    @Field(key: "content_type") var contentType: String
    @Field(key: "byte_size") var byteSize: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "storage_key") var storageKey: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
