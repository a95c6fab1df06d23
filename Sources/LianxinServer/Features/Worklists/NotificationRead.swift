import Foundation
import Fluent

/// One person's "read" mark on a message: messages go to a person, a unit or a role in a division, so whether a
/// message is read is kept per reader, not on the message (one member reading it does not hide it from the rest).
final class NotificationRead: Model, @unchecked Sendable {
    static let schema = "notification_reads"

    @ID(key: .id) var id: UUID?
    @Field(key: "notification_id") var notificationID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "read_at") var readAt: Date

    init() {}

    init(notificationID: UUID, userID: UUID, readAt: Date) {
        self.notificationID = notificationID
        self.userID = userID
        self.readAt = readAt
    }
}
