import Fluent
import Foundation
import Vapor

/// A leader's session at a service window (我陪群众走流程): who, when, where, the matter accompanied, as applicant or
/// as staff, and how many services were accompanied.
final class DutySession: Model, @unchecked Sendable {
    static let schema = "leader_duty_sessions"
    @ID(key: .id) var id: UUID?
    /// The division of the service hall.
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "leader_id") var leaderID: UUID
    @Field(key: "leader_name") var leaderName: String
    /// `YYYY-MM-DD`, Beijing time.
    @Field(key: "held_on") var heldOn: String
    @Field(key: "hall") var hall: String
    @Field(key: "matter") var matter: String
    @Field(key: "role") var role: String
    @Field(key: "services") var services: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A problem found in a session, and the rectification task it becomes: the owner unit, the deadline, what was done.
final class DutyProblem: Model, @unchecked Sendable {
    static let schema = "leader_duty_problems"
    @ID(key: .id) var id: UUID?
    @Field(key: "session_id") var sessionID: UUID
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "description") var description: String
    @Field(key: "owner_unit_id") var ownerUnitID: UUID
    /// `YYYY-MM-DD`.
    @Field(key: "deadline") var deadline: String
    @Field(key: "status") var status: String
    @OptionalField(key: "rectification") var rectification: String?
    @OptionalField(key: "rectified_on") var rectifiedOn: String?
    @OptionalField(key: "confirmed_on") var confirmedOn: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A leader owning a matter (三高包保): a work-order category in a division, with its tier.
final class LeaderMatter: Model, @unchecked Sendable {
    static let schema = "leader_matters"
    @ID(key: .id) var id: UUID?
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "category_code") var categoryCode: String
    @Field(key: "tier") var tier: String
    @Field(key: "leader_id") var leaderID: UUID
    @Field(key: "leader_name") var leaderName: String
    @OptionalField(key: "note") var note: String?
    /// `YYYY-MM-DD`.
    @Field(key: "assigned_on") var assignedOn: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A task the leader set on a matter, with its deadline.
final class LeaderMatterTask: Model, @unchecked Sendable {
    static let schema = "leader_matter_tasks"
    @ID(key: .id) var id: UUID?
    @Field(key: "matter_id") var matterID: UUID
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "description") var description: String
    @Field(key: "owner_unit_id") var ownerUnitID: UUID
    /// `YYYY-MM-DD`.
    @Field(key: "deadline") var deadline: String
    @Field(key: "status") var status: String
    @OptionalField(key: "done_on") var doneOn: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
