import Vapor
import Fluent

/// A proposed change of grid boundaries (三上三下): a township proposes a split, merge, redraw or new
/// grids with their geometry; departments review it (comments, approve or return); the county
/// approves it with the date it takes effect; on that date the grids are versioned in.
final class GridChange: Model, @unchecked Sendable {
    static let schema = "grid_changes"

    @ID(key: .id) var id: UUID?
    /// The smallest division holding every grid concerned (usually the township).
    @Field(key: "division_code") var divisionCode: String
    /// `split`, `merge`, `redraw` or `create`.
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "reason") var reason: String
    /// `submitted` (with the departments), `returned` (back to the township), `approved` (by the
    /// county, waiting for its date), `effective`, `failed` (could not be applied) or `withdrawn`.
    @Field(key: "status") var status: String
    /// Which "上" this is: 1 for the first submission, +1 for each resubmission after a return.
    @Field(key: "round") var round: Int
    /// The new grids: a GeoJSON FeatureCollection (WGS84).
    @Field(key: "grids") var grids: String
    /// JSON array of the codes of grids in force that the change retires.
    @Field(key: "retiring") var retiring: String
    @Field(key: "proposed_by") var proposedBy: UUID
    @Field(key: "proposed_at") var proposedAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// The day (Beijing, `YYYY-MM-DD`) the county set for the change to take effect.
    @OptionalField(key: "effective_on") var effectiveOn: String?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "applied_at") var appliedAt: Date?
    @OptionalField(key: "failure") var failure: String?

    init() {}
}

/// One department's (or the county's) word on a change in a given round.
final class GridChangeReview: Model, @unchecked Sendable {
    static let schema = "grid_change_reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "change_id") var changeID: UUID
    @Field(key: "round") var round: Int
    @Field(key: "reviewer_id") var reviewerID: UUID
    @Field(key: "reviewer_name") var reviewerName: String
    @Field(key: "reviewer_role") var reviewerRole: String
    @OptionalField(key: "department_id") var departmentID: UUID?
    /// `approve`, `return` or `comment` (departments); `countyApprove` or `countyReturn`.
    @Field(key: "decision") var decision: String
    @Field(key: "comment") var comment: String
    @Field(key: "at") var at: Date

    init() {}
}

extension GridChange {
    /// The codes of the grids in force that the change retires.
    var retiringCodes: [String] { JSONColumn.list(String.self, from: retiring) }
}
