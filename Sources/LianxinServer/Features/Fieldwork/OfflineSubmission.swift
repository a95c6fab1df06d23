import Fluent
import Foundation

/// One step sent from a phone's outbox (离线补传), under the idempotency key the phone gave it: the time it was done
/// and the time it arrived, and what came of it. A key sent again gets the same answer and changes nothing.
final class OfflineSubmission: Model, @unchecked Sendable {
    static let schema = "offline_submissions"

    @ID(key: .id) var id: UUID?
    /// The phone's key, unique per account.
    @Field(key: "idempotency_key") var key: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "order_id") var orderID: UUID
    @Field(key: "action") var action: String
    /// When the person did it on the phone, and when the server received it.
    @Field(key: "done_at") var doneAt: Date
    @Field(key: "received_at") var receivedAt: Date
    /// `applied` or `conflict`.
    @Field(key: "outcome") var outcome: String
    /// The event it became (`applied`), or the conflict's kind (`LianxinCore.OutboxConflict`).
    @OptionalField(key: "event_sequence") var eventSequence: Int?
    @OptionalField(key: "conflict") var conflict: String?

    init() {}
}
