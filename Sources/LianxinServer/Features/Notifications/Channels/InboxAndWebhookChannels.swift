import Fluent
import Foundation
import LianxinCore

/// The in-app inbox as a channel: the message becomes an inbox entry for a role in the order's division
/// or for the handling unit.
struct InboxChannel {
    let database: any Database
    let now: @Sendable () -> Date

    func deliver(_ message: OutboundMessage, row: OutboxMessage) async throws -> String? {
        let note = Notification()
        note.kind = "notify.\(message.event.rawValue)"
        note.text = message.text
        switch row.recipientKind {
        case "role": note.role = row.recipient
        case "unit": note.departmentID = UUID(uuidString: row.recipient)
        default: throw ChannelFailure("the inbox reaches staff only", permanent: true)
        }
        note.divisionCode = row.divisionCode
        note.orderID = row.orderID
        note.link = row.orderID.map { "/orders/\($0.uuidString)" }
        note.subject = message.parameters["number"].map { "\($0) \(message.parameters["title"] ?? "")" }
        note.createdAt = now()
        try await note.create(on: database)
        return try note.requireID().uuidString
    }
}

/// The signed webhooks as a channel: the message is queued for every subscriber of `notify.<event>`,
/// which `webhooks.deliver` sends with its own retries.
struct WebhookChannel {
    let database: any Database
    let now: @Sendable () -> Date

    struct Payload: Encodable {
        let event: String
        let id: UUID
        let orderId: UUID?
        let text: String
        let parameters: [String: String]
    }

    func deliver(_ message: OutboundMessage, row: OutboxMessage) async throws -> String? {
        let kind = "notify.\(message.event.rawValue)"
        try await WebhookDispatcher.enqueue(
            [(kind: kind, payload: Payload(event: kind, id: message.id, orderId: row.orderID, text: message.text, parameters: message.parameters))],
            on: database, now: now())
        return nil
    }
}
