import Foundation
import LianxinCore

/// Tencent Cloud SMS `SendSms` (API version 2021-01-11), a JSON POST signed with TC3-HMAC-SHA256;
/// `SessionContext` carries the message id. Success is `"Code": "Ok"` in the send status.
struct TencentSMSChannel: NotificationChannelAdapter {
    let endpoint: String
    let secretID: String
    let secretKey: SettingSecret
    let sdkAppID: String
    let region: String
    let signName: String
    let templateCodes: [NotificationEvent: String]
    let http: any NotificationHTTP
    let now: @Sendable () -> Date

    static let contentType = "application/json; charset=utf-8"

    /// `host[:port]` of the endpoint, as signed and sent in `Host`.
    var host: String {
        let parts = URLComponents(string: endpoint)
        return (parts?.host ?? "") + (parts?.port.map { ":\($0)" } ?? "")
    }

    func deliver(_ message: OutboundMessage) async throws -> String? {
        guard let phone = message.phone else { throw ChannelFailure("no phone", permanent: true) }
        guard let template = templateCodes[message.event] else {
            throw ChannelFailure("no template code for \(message.event.rawValue)", permanent: true)
        }
        let body: [String: Any] = [
            "PhoneNumberSet": [phone.hasPrefix("+") ? phone : "+86" + phone], "SmsSdkAppId": sdkAppID, "SignName": signName,
            "TemplateId": template, "TemplateParamSet": NotificationTemplate.positional(message.event, message.parameters, limit: 20),
            "SessionContext": message.id.uuidString.lowercased(),
        ]
        let payload = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        let timestamp = Int(now().timeIntervalSince1970)
        let signature = ChannelSigning.tc3(
            secretKey: secretKey.value, service: "sms", host: host, contentType: Self.contentType, payload: payload, timestamp: timestamp)
        let headers = [
            ("Authorization", TC3Signing.authorization(secretID: secretID, timestamp: timestamp, service: "sms", signature: signature)),
            ("Content-Type", Self.contentType), ("Host", host), ("X-TC-Action", "SendSms"), ("X-TC-Timestamp", String(timestamp)),
            ("X-TC-Version", "2021-01-11"), ("X-TC-Region", region),
        ]
        let answer = try await http.send(.POST, url: endpoint, headers: headers, body: payload)
        let response = AliyunSMSChannel.object(answer.body)?["Response"] as? [String: Any]
        if let error = response?["Error"] as? [String: Any] {
            let code = error["Code"] as? String ?? ""
            throw ChannelFailure(
                "\(code) \(error["Message"] as? String ?? "")", permanent: code.hasPrefix("FailedOperation.") || code.hasPrefix("InvalidParameter"))
        }
        guard (200..<300).contains(answer.status), let status = (response?["SendStatusSet"] as? [[String: Any]])?.first else {
            throw ChannelFailure("HTTP \(answer.status)")
        }
        guard status["Code"] as? String == "Ok" else {
            throw ChannelFailure("\(status["Code"] as? String ?? "") \(status["Message"] as? String ?? "")", permanent: true)
        }
        return status["SerialNo"] as? String
    }
}
