import Foundation
import LianxinCore

/// A 企业微信 (WeChat Work) group robot: a JSON POST of a markdown message to its webhook address
/// (`…/cgi-bin/webhook/send?key=…`); success is `"errcode": 0`.
struct WeComRobotChannel: NotificationChannelAdapter {
    let url: SettingSecret
    let http: any NotificationHTTP

    func deliver(_ message: OutboundMessage) async throws -> String? {
        let body = try JSONSerialization.data(
            withJSONObject: ["msgtype": "markdown", "markdown": ["content": message.text]] as [String: Any], options: [.sortedKeys])
        let answer = try await http.send(.POST, url: url.value, headers: [("Content-Type", "application/json")], body: body)
        return try RobotAnswer.check(answer)
    }
}

/// A 钉钉 (DingTalk) custom robot with signing: the webhook address plus `timestamp` (milliseconds) and
/// `sign` (Base64 HMAC-SHA256 of `timestamp\nsecret`, URL-encoded); a JSON text message; success is `"errcode": 0`.
struct DingTalkRobotChannel: NotificationChannelAdapter {
    let url: SettingSecret
    let secret: SettingSecret
    let http: any NotificationHTTP
    let now: @Sendable () -> Date

    func deliver(_ message: OutboundMessage) async throws -> String? {
        let timestamp = Int64(now().timeIntervalSince1970 * 1000)
        let sign = DingTalkSigning.queryValue(base64: ChannelSigning.dingtalk(secret: secret.value, timestampMilliseconds: timestamp))
        let separator = url.value.contains("?") ? "&" : "?"
        let body = try JSONSerialization.data(
            withJSONObject: ["msgtype": "text", "text": ["content": message.text]] as [String: Any], options: [.sortedKeys])
        let answer = try await http.send(
            .POST, url: url.value + separator + "timestamp=\(timestamp)&sign=\(sign)", headers: [("Content-Type", "application/json")], body: body)
        return try RobotAnswer.check(answer)
    }
}

/// Both robots answer `{"errcode": 0, "errmsg": "ok"}`; anything else failed.
enum RobotAnswer {
    static func check(_ answer: (status: UInt, body: Data)) throws -> String? {
        let object = AliyunSMSChannel.object(answer.body)
        guard (200..<300).contains(answer.status), let code = object?["errcode"] as? Int else { throw ChannelFailure("HTTP \(answer.status)") }
        guard code == 0 else { throw ChannelFailure("errcode \(code) \(object?["errmsg"] as? String ?? "")", permanent: code != 45009) }
        return nil
    }
}
