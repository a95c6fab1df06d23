import Fluent
import Foundation

/// A topic of 每月一题: a problem class (a category and its sub-categories, in a division) taken up in a month.
final class MonthlyTopicRecord: Model, @unchecked Sendable {
    static let schema = "monthly_topics"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    /// `YYYY-MM`, the month the topic is taken up.
    @Field(key: "month") var month: String
    @Field(key: "category_code") var categoryCode: String
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "source") var source: String
    /// The hotspot it came from, when it came from one.
    @OptionalField(key: "hotspot_id") var hotspotID: UUID?
    @Field(key: "description") var description: String
    @Field(key: "status") var status: String
    @OptionalField(key: "summary") var summary: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}
}

/// A task of a topic: what a unit does about the problem, by a deadline.
final class TopicTask: Model, @unchecked Sendable {
    static let schema = "topic_tasks"

    @ID(key: .id) var id: UUID?
    @Field(key: "topic_id") var topicID: UUID
    @Field(key: "description") var description: String
    @Field(key: "owner_unit_id") var ownerUnitID: UUID
    /// `YYYY-MM-DD`.
    @Field(key: "deadline") var deadline: String
    @Field(key: "status") var status: String
    @OptionalField(key: "done_note") var doneNote: String?
    @OptionalField(key: "done_on") var doneOn: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
