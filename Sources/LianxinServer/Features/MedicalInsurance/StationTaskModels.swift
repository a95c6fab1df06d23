import Foundation
import Fluent

/// A hospital station's task (前沿哨兵): a daily patrol, focused check or discharge review of an institution,
/// assigned to a station worker, done with its checklist answered and what was found.
final class InsuranceStationTask: Model, @unchecked Sendable {
    static let schema = "mi_station_tasks"

    @ID(key: .id) var id: UUID?
    /// `StationTask.Kind`.
    @Field(key: "kind") var kind: String
    @Field(key: "institution_code") var institutionCode: String
    /// The institution's division: the task's scope.
    @Field(key: "division_code") var divisionCode: String
    /// The station worker's username.
    @Field(key: "assignee") var assignee: String
    /// What to look at, in words: a ward, a bed, a case (no ID numbers).
    @Field(key: "subject") var subject: String
    /// The settlement the check concerns, when there is one.
    @OptionalField(key: "settlement_id") var settlementID: String?
    /// The day it is due (Beijing), `yyyy-MM-dd`.
    @Field(key: "due_on") var dueOn: String
    /// `StationTask.Status`.
    @Field(key: "status") var status: String
    /// The checklist as answered, `[StationTask.Answer]` as JSON; empty until done.
    @Field(key: "answers") var answers: String
    @Field(key: "finding") var finding: String
    /// The lead the finding raised, when it did.
    @OptionalField(key: "lead_id") var leadID: UUID?
    @Field(key: "assigned_by") var assignedBy: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "done_at") var doneAt: Date?

    init() {}
}
