import Fluent
import Foundation
import Vapor

/// A project under volunteer supervision, such as an old-community renovation (老旧小区改造): where, which unit is
/// responsible, its period and budget.
final class SupervisedProject: Model, @unchecked Sendable {
    static let schema = "oversight_projects"
    @ID(key: .id) var id: UUID?
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "name") var name: String
    @Field(key: "department_id") var departmentID: UUID
    /// `YYYY-MM-DD`.
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    /// Whole yuan.
    @Field(key: "budget_yuan") var budgetYuan: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A volunteer supervisor (义务监督员) attached to a project, e.g. of a 银发监督队; the phone sealed at rest.
final class VolunteerSupervisor: Model, @unchecked Sendable {
    static let schema = "oversight_volunteers"
    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "name") var name: String
    @Field(key: "phone_cipher") var phoneCipher: Data
    @Field(key: "team") var team: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A volunteer's inspection of the project: what they found, and the responsible unit's answer to a finding.
final class SupervisionInspection: Model, @unchecked Sendable {
    static let schema = "oversight_inspections"
    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "volunteer_id") var volunteerID: UUID
    /// `YYYY-MM-DD`.
    @Field(key: "inspected_on") var inspectedOn: String
    @Field(key: "findings") var findings: String
    /// `noProblem`, `open` (a finding awaiting the unit's answer) or `answered`.
    @Field(key: "status") var status: String
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_by") var answeredBy: String?
    @OptionalField(key: "answered_on") var answeredOn: String?
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
