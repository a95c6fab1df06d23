import Fluent
import Foundation

/// One message to one recipient by one channel: the notification outbox row (#20), written in the
/// transaction of the event that causes it, delivered later by the `notifications.deliver` job.
/// `dedupe_key` is unique, so an event never yields the same message twice; a phone is never stored
/// here except for a test message (`phone_cipher`), it is read from its own row at send time.
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "notification_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "dedupe_key") var dedupeKey: String
    @Field(key: "event") var event: String
    @Field(key: "channel") var channel: String
    @Field(key: "audience") var audience: String
    /// `requester` (the order's requester), `liaison` (a unit's liaison), `role`, `group` or `phone` (test messages).
    @Field(key: "recipient_kind") var recipientKind: String
    /// The liaison's id, the role's name, or empty.
    @Field(key: "recipient") var recipient: String
    /// Who the rate limit counts for (a phone's blind index, a liaison, a group).
    @Field(key: "recipient_key") var recipientKey: String
    @OptionalField(key: "order_id") var orderID: UUID?
    @OptionalField(key: "division_code") var divisionCode: String?
    @OptionalField(key: "phone_cipher") var phoneCipher: Data?
    /// The template's parameters as a JSON object.
    @Field(key: "parameters") var parameters: String
    @Field(key: "text") var text: String
    /// `pending`, `sent`, `failed` (given up) or `skipped` (opted out, no phone, channel not configured).
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "provider_reference") var providerReference: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// An administrator's line of "who gets what": event × audience × channel, on or off.
final class NotificationRuleRecord: Model, @unchecked Sendable {
    static let schema = "notification_rules"

    @ID(key: .id) var id: UUID?
    @Field(key: "event") var event: String
    @Field(key: "audience") var audience: String
    @Field(key: "channel") var channel: String
    @Field(key: "enabled") var enabled: Bool
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// A resident who asked to receive no more SMS, by the blind index of the phone.
final class NotificationOptOut: Model, @unchecked Sendable {
    static let schema = "notification_opt_outs"

    @ID(key: .id) var id: UUID?
    @Field(key: "phone_index") var phoneIndex: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// The automated revisit of one completed order: invited, reminded, queued for the operators, answered.
final class RevisitInvitation: Model, @unchecked Sendable {
    static let schema = "revisit_invitations"

    @ID(key: .id) var id: UUID?
    @Field(key: "order_id") var orderID: UUID
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "invited_at") var invitedAt: Date
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    @OptionalField(key: "queued_at") var queuedAt: Date?
    @OptionalField(key: "evaluated_at") var evaluatedAt: Date?
    /// `link`, `operator` or `keypad` (`EvaluationChannel`).
    @OptionalField(key: "channel") var channel: String?
    @OptionalField(key: "satisfaction") var satisfaction: String?

    init() {}
}
