import Vapor
import Fluent

/// A party branch (党支部) of a village or community; its division is the scope of everything under it.
final class PartyBranch: Model, @unchecked Sendable {
    static let schema = "party_branches"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "secretary_name") var secretaryName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A party member (党员) or an activist applying to join (入党积极分子) of a branch.
final class PartyMember: Model, @unchecked Sendable {
    static let schema = "party_members"
    @ID(key: .id) var id: UUID?
    @Field(key: "branch_id") var branchID: UUID
    @Field(key: "name") var name: String
    /// `member` or `activist`.
    @Field(key: "kind") var kind: String
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A post members claim (设岗定责: 维护稳定岗, 政策宣传岗…), as data of a division.
final class PartyPost: Model, @unchecked Sendable {
    static let schema = "party_posts"
    @ID(key: .id) var id: UUID?
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "name") var name: String
    @Field(key: "duty") var duty: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A member's claim of a post for a year (认领岗位).
final class PartyPostClaim: Model, @unchecked Sendable {
    static let schema = "party_post_claims"
    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "post_id") var postID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "claimed_at") var claimedAt: Date
    init() {}
}

/// A points rule (积分细则) of a division: what an entry in a dimension is worth, and its yearly cap.
final class PartyPointsRuleRecord: Model, @unchecked Sendable {
    static let schema = "party_point_rules"
    @ID(key: .id) var id: UUID?
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "dimension") var dimension: String
    @Field(key: "label") var label: String
    @Field(key: "points") var points: Int
    @Field(key: "yearly_cap") var yearlyCap: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A division's points scheme (积分办法): base points, a dimension's yearly cap, the star thresholds.
final class PartyPointsSchemeRecord: Model, @unchecked Sendable {
    static let schema = "party_point_schemes"
    @ID(custom: "division_code", generatedBy: .user) var id: String?
    @Field(key: "base_points") var basePoints: Int
    @Field(key: "dimension_cap") var dimensionCap: Int
    /// Five, four, three and two stars' thresholds, comma-separated.
    @Field(key: "thresholds") var thresholds: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

/// One line of a member's points ledger (积分台账): the rule, the points, what happened and its evidence, and the
/// branch secretary's decision. Lines are never deleted; a refused line stays with its reason.
final class PartyPointsEntry: Model, @unchecked Sendable {
    static let schema = "party_point_entries"
    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "branch_id") var branchID: UUID
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "rule_id") var ruleID: UUID
    @Field(key: "dimension") var dimension: String
    @Field(key: "points") var points: Int
    /// The day it happened, `YYYY-MM-DD` (Beijing).
    @Field(key: "occurred_on") var occurredOn: String
    @Field(key: "year") var year: Int
    @Field(key: "evidence") var evidence: String
    @Field(key: "status") var status: String
    @Field(key: "submitted_by") var submittedBy: String
    @Field(key: "submitted_at") var submittedAt: Date
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decision_note") var decisionNote: String?
    init() {}
}

/// A conduct item households are credited for (以评弘德: 庭院整洁, 孝老爱亲…), as data of a division.
final class ConductItem: Model, @unchecked Sendable {
    static let schema = "party_conduct_items"
    @ID(key: .id) var id: UUID?
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "label") var label: String
    @Field(key: "points") var points: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A household credited for its conduct, with the evidence; its points go to the community points ledger
/// (`cs_points_entries`, reason `householdConduct`, the household as the holder) and are spent at the merchants.
final class ConductAward: Model, @unchecked Sendable {
    static let schema = "party_conduct_awards"
    @ID(key: .id) var id: UUID?
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "points") var points: Int
    @Field(key: "occurred_on") var occurredOn: String
    @Field(key: "evidence") var evidence: String
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date
    init() {}
}
