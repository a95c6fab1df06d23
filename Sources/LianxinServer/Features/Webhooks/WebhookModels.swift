import Fluent
import Foundation

/// An outbound webhook: an SMS gateway or another system that wants to hear about events.
final class WebhookSubscription: Model, @unchecked Sendable {
    static let schema = "webhook_subscriptions"

    @ID(key: .id) var id: UUID?
    @Field(key: "url") var url: String
    /// The signing secret, encrypted at rest.
    @Field(key: "secret_cipher") var secretCipher: Data
    /// Event kinds to send, comma-separated, or `*` for all.
    @Field(key: "events") var events: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    func wants(_ kind: String) -> Bool {
        events == "*" || events.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == kind }
    }
}

/// One message to one subscriber: the outbox row, written in the transaction of the event that caused
/// it and delivered afterwards, so the request that caused it never waits on the network.
final class WebhookDelivery: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"

    @ID(key: .id) var id: UUID?
    @Field(key: "subscription_id") var subscriptionID: UUID
    @Field(key: "event_kind") var eventKind: String
    @Field(key: "payload") var payload: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "failed_at") var failedAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

import SQLKit
