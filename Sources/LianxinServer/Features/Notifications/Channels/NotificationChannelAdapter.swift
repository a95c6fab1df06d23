import Foundation
import LianxinCore
import Vapor

/// One message as a channel sends it: its id (the idempotency key every channel passes on), the
/// event, the rendered text and the template's parameters, and the phone for SMS (decrypted just now).
struct OutboundMessage: Sendable {
    let id: UUID
    let event: NotificationEvent
    let text: String
    let parameters: [String: String]
    let phone: String?
}

/// A way to deliver messages: SMS providers, the group robots, the inbox and the webhooks all answer
/// this, so the outbox treats them alike.
protocol NotificationChannelAdapter: Sendable {
    /// Sends `message`; returns the provider's reference, or throws a `ChannelFailure`.
    func deliver(_ message: OutboundMessage) async throws -> String?
}

/// Why a delivery failed, in words safe to store and log (never a phone or a secret); `permanent` when
/// retrying cannot help (a refused template, a bad number).
struct ChannelFailure: Error, CustomStringConvertible {
    let reason: String
    let permanent: Bool

    init(_ reason: String, permanent: Bool = false) {
        // A provider may echo the number it refused: phones and ID numbers are masked before storing or logging.
        self.reason = PIIRedactor.redact(String(reason.prefix(300)))
        self.permanent = permanent
    }

    var description: String { reason }
}

/// The HTTP calls channels make; the live one is the webhooks' client (no redirects, timeouts, target
/// checks), tests point it at an in-process stub server.
protocol NotificationHTTP: Sendable {
    func send(_ method: HTTPMethod, url: String, headers: [(String, String)], body: Data?) async throws -> (status: UInt, body: Data)
}
