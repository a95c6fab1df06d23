import Fluent
import Foundation

/// 吹哨: a township or community summons departments to a problem, with a time to be on site.
final class Whistle: Model, @unchecked Sendable {
    static let schema = "whistles"

    @ID(key: .id) var id: UUID?
    @Field(key: "division_code") var divisionCode: String
    @OptionalField(key: "order_id") var orderID: UUID?
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "required_arrival_at") var requiredArrivalAt: Date
    @Field(key: "status") var status: String
    @OptionalField(key: "result") var result: String?
    @Field(key: "blown_by") var blownBy: UUID
    @Field(key: "blown_at") var blownAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}
}

/// One summoned department of a whistle: its 报到 (arrival), its part of the work and its marks.
final class WhistleSummons: Model, @unchecked Sendable {
    static let schema = "whistle_summons"

    @ID(key: .id) var id: UUID?
    @Field(key: "whistle_id") var whistleID: UUID
    @Field(key: "department_id") var departmentID: UUID
    @OptionalField(key: "reported_at") var reportedAt: Date?
    @OptionalField(key: "reported_by") var reportedBy: UUID?
    @OptionalField(key: "work_note") var workNote: String?
    @OptionalField(key: "blower_handling") var blowerHandling: Int?
    @OptionalField(key: "blower_satisfaction") var blowerSatisfaction: Int?
    @OptionalField(key: "requester_handling") var requesterHandling: Int?
    @OptionalField(key: "requester_satisfaction") var requesterSatisfaction: Int?
    @OptionalField(key: "score") var score: Double?

    init() {}
}
