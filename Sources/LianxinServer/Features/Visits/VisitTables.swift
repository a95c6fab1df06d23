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

struct CreateVisits: AsyncMigration {
    /// Shangrao's cadences (weekly for hardship households, any change for the floating population) and
    /// common county practice for the other tags; every household at least monthly. Editable as data.
    static let defaultRules: [(String, String)] = [
        ("*", "monthly"), (ResidentTag.livingAloneElderly.id, "every:3"), (ResidentTag.leftBehindChild.id, "weekly"),
        (ResidentTag.hardship.id, "weekly"), (ResidentTag.disabled.id, "weekly"), (ResidentTag.seriouslyIll.id, "every:3"),
        (ResidentTag.inDispute.id, "every:3"), (ResidentTag.floating.id, "onChange"), (ResidentTag.keyPerson.id, "weekly"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(VisitRuleRecord.schema)
            .field("tag_code", .string, .identifier(auto: false))
            .field("cadence", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(Visit.schema)
            .id()
            .field("household_id", .uuid, .required)
            .field("grid_code", .string, .required)
            .field("community_code", .string, .required)
            .field("visitor_id", .uuid, .required)
            .field("visitor_name", .string, .required)
            .field("visited_at", .datetime, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("note", .string, .required)
            .field("findings", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(on: Visit.schema, name: "visits_household", columns: ["household_id", "visited_at"])
        try await database.index(on: Visit.schema, name: "visits_grid", columns: ["grid_code", "visited_at"])
        for (tag, cadence) in Self.defaultRules {
            let rule = VisitRuleRecord()
            rule.id = tag
            rule.cadence = cadence
            rule.updatedAt = Date()
            try await rule.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Visit.schema).delete()
        try await database.schema(VisitRuleRecord.schema).delete()
    }
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

struct CreateVisitPhotos: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(VisitPhoto.schema)
            .id()
            .field("household_id", .uuid, .required)
            .field("visit_id", .uuid)
            .field("uploader_id", .uuid, .required)
            .field("content_type", .string, .required)
            .field("byte_size", .int, .required)
            .field("sha256", .string, .required)
            .field("storage_key", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(on: VisitPhoto.schema, name: "visit_photos_visit", columns: ["visit_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VisitPhoto.schema).delete()
    }
}
