import Foundation
import LianxinCore

/// A province's own SMS platform behind a generic HTTP gateway: a JSON POST
/// `{"id", "phone", "event", "text", "parameters"}` signed like the webhooks (`X-Lianxin-Signature`:
/// HMAC-SHA256 over `timestamp.body`), with `X-Lianxin-Message-Id` as the idempotency key the gateway
/// uses to send each message once even when a retry repeats it.
struct GatewaySMSChannel: NotificationChannelAdapter {
    let url: String
    let secret: SettingSecret
    let http: any NotificationHTTP
    let now: @Sendable () -> Date

    func deliver(_ message: OutboundMessage) async throws -> String? {
        guard let phone = message.phone else { throw ChannelFailure("no phone", permanent: true) }
        let body = try JSONSerialization.data(
            withJSONObject: [
                "id": message.id.uuidString.lowercased(), "phone": phone, "event": message.event.rawValue, "text": message.text,
                "parameters": message.parameters,
            ] as [String: Any], options: [.sortedKeys, .withoutEscapingSlashes])
        let timestamp = String(Int(now().timeIntervalSince1970))
        let answer = try await http.send(
            .POST, url: url,
            headers: [
                ("Content-Type", "application/json"), ("X-Lianxin-Message-Id", message.id.uuidString.lowercased()),
                ("X-Lianxin-Timestamp", timestamp),
                ("X-Lianxin-Signature", WebhookDispatcher.signature(secret: secret.value, timestamp: timestamp, body: body)),
            ], body: body)
        guard (200..<300).contains(answer.status) else {
            throw ChannelFailure("HTTP \(answer.status)", permanent: answer.status == 400 || answer.status == 422)
        }
        return AliyunSMSChannel.object(answer.body)?["reference"] as? String
    }
}
