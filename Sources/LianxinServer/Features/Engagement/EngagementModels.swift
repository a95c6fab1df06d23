import Fluent
import Foundation

/// 红帐篷: a recurring service event of a community or township, with its schedule as a recurrence rule.
final class ServiceEvent: Model, @unchecked Sendable {
    static let schema = "service_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "title") var title: String
    /// fixedWindow (固定窗口), mobileMarket (流动集市) or marketDay (圩日).
    @Field(key: "kind") var kind: String
    @Field(key: "place") var place: String
    /// The schedule as written (每周四 14:00-17:00) and as the parsed rule's JSON.
    @Field(key: "schedule_text") var scheduleText: String
    @Field(key: "rule") var rule: String
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A stall at a service event, kept by a department (or the community itself).
final class ServiceEventStall: Model, @unchecked Sendable {
    static let schema = "service_event_stalls"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @OptionalField(key: "department_id") var departmentID: UUID?
    @Field(key: "name") var name: String
    @Field(key: "services") var services: String

    init() {}
}

/// A request collected at one sitting of a service event: solved on site or filed as a work order.
final class ServiceEventRequest: Model, @unchecked Sendable {
    static let schema = "service_event_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @OptionalField(key: "stall_id") var stallID: UUID?
    /// The Beijing day of the sitting, `YYYY-MM-DD`.
    @Field(key: "held_on") var heldOn: String
    @Field(key: "description") var description: String
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "result") var result: String?
    @OptionalField(key: "order_id") var orderID: UUID?
    @OptionalField(key: "order_number") var orderNumber: String?
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// 屋场贴心会 / 小区夜话 / 红色议事厅: a deliberation meeting and its stage in the three opens.
final class Meeting: Model, @unchecked Sendable {
    static let schema = "meetings"

    @ID(key: .id) var id: UUID?
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "place") var place: String
    @Field(key: "scheduled_at") var scheduledAt: Date
    @Field(key: "stage") var stage: String
    @OptionalField(key: "minutes") var minutes: String?
    @OptionalField(key: "attendance") var attendance: Int?
    @OptionalField(key: "held_at") var heldAt: Date?
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A topic residents proposed before a meeting; the proposer's name is kept masked only.
final class MeetingTopic: Model, @unchecked Sendable {
    static let schema = "meeting_topics"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "title") var title: String
    @Field(key: "detail") var detail: String
    @Field(key: "proposer") var proposer: String
    @Field(key: "supports") var supports: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One resident's support of a topic, known only by the blind index of their phone (one support each).
final class MeetingTopicSupport: Model, @unchecked Sendable {
    static let schema = "meeting_topic_supports"

    @ID(key: .id) var id: UUID?
    @Field(key: "topic_id") var topicID: UUID
    @Field(key: "supporter_index") var supporterIndex: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// An opinion raised at a meeting and what became of it.
final class MeetingOpinion: Model, @unchecked Sendable {
    static let schema = "meeting_opinions"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    /// The order in which the opinions were raised (1, 2, …).
    @Field(key: "position") var position: Int
    @OptionalField(key: "topic_id") var topicID: UUID?
    /// The speaker's name, masked (张*).
    @Field(key: "speaker") var speaker: String
    @Field(key: "content") var content: String
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "order_id") var orderID: UUID?
    @OptionalField(key: "order_number") var orderNumber: String?
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// 人民调解: a dispute case in a community.
final class MediationCase: Model, @unchecked Sendable {
    static let schema = "mediation_cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "division_code") var divisionCode: String
    @OptionalField(key: "grid_code") var gridCode: String?
    @Field(key: "dispute_type") var disputeType: String
    @Field(key: "summary") var summary: String
    @Field(key: "received_on") var receivedOn: String
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "agreement_text") var agreementText: String?
    @OptionalField(key: "concluded_on") var concludedOn: String?
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A party to a dispute: name and phone encrypted, the phone also blind-indexed.
final class MediationParty: Model, @unchecked Sendable {
    static let schema = "mediation_parties"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "position") var position: Int
    /// applicant or respondent.
    @Field(key: "side") var side: String
    @Field(key: "name_cipher") var nameCipher: Data
    @OptionalField(key: "phone_cipher") var phoneCipher: Data?
    @OptionalField(key: "phone_index") var phoneIndex: String?

    init() {}
}

/// A mediator of a case (人民调解员), by name.
final class MediationMediator: Model, @unchecked Sendable {
    static let schema = "mediation_mediators"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "name") var name: String

    init() {}
}

/// One mediation session of a case.
final class MediationSession: Model, @unchecked Sendable {
    static let schema = "mediation_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "held_at") var heldAt: Date
    @Field(key: "place") var place: String
    @Field(key: "note") var note: String
    @Field(key: "recorded_by") var recordedBy: UUID

    init() {}
}

/// 信访: a petition, the petitioner's name and phone encrypted.
final class Petition: Model, @unchecked Sendable {
    static let schema = "petitions"

    @ID(key: .id) var id: UUID?
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "channel") var channel: String
    @Field(key: "first_time") var firstTime: Bool
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "name_cipher") var nameCipher: Data
    @OptionalField(key: "phone_cipher") var phoneCipher: Data?
    @OptionalField(key: "phone_index") var phoneIndex: String?
    @Field(key: "subject") var subject: String
    @Field(key: "content") var content: String
    @Field(key: "status") var status: String
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_on") var answeredOn: String?
    @OptionalField(key: "result") var result: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    /// 访调融合: the mediation case this petition was handed to.
    @OptionalField(key: "mediation_case_id") var mediationCaseID: UUID?
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// 周周审: one review of a petition in a week (the week's Monday).
final class PetitionReview: Model, @unchecked Sendable {
    static let schema = "petition_reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "petition_id") var petitionID: UUID
    @Field(key: "week") var week: String
    @Field(key: "reviewer") var reviewer: String
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
