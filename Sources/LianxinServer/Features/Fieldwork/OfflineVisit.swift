import Fluent
import Foundation

/// A visit sent from a phone's outbox (离线补传) under the idempotency key the phone gave it: the visit it became,
/// when it was done and when it arrived. The same key sent again answers with the same visit and writes nothing.
final class OfflineVisit: Model, @unchecked Sendable {
    static let schema = "offline_visits"

    @ID(key: .id) var id: UUID?
    /// The phone's key, unique per account.
    @Field(key: "idempotency_key") var key: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "visit_id") var visitID: UUID
    /// When the visit was made on the phone, and when the server received it.
    @Field(key: "done_at") var doneAt: Date
    @Field(key: "received_at") var receivedAt: Date

    init() {}
}
