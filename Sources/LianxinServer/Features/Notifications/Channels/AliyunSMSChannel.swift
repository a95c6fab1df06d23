import Foundation
import LianxinCore

/// Alibaba Cloud SMS `SendSms` (API version 2017-05-25), an RPC call signed with HMAC-SHA1
/// (`AliyunRPCSigning`); `OutId` carries the message id. Success is `"Code": "OK"` in the answer.
struct AliyunSMSChannel: NotificationChannelAdapter {
    let endpoint: String
    let accessKeyID: String
    let accessKeySecret: SettingSecret
    let signName: String
    let templateCodes: [NotificationEvent: String]
    let http: any NotificationHTTP
    let now: @Sendable () -> Date

    /// The request's parameters before signing.
    func parameters(_ message: OutboundMessage, phone: String, template: String, nonce: String) throws -> [String: String] {
        var values: [String: String] = [:]
        for name in message.event.parameters { values[name] = message.parameters[name] ?? "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return [
            "AccessKeyId": accessKeyID, "Action": "SendSms", "Format": "JSON", "OutId": message.id.uuidString.lowercased(),
            "PhoneNumbers": phone, "RegionId": "cn-hangzhou", "SignName": signName, "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": nonce, "SignatureVersion": "1.0", "TemplateCode": template,
            "TemplateParam": String(decoding: try encoder.encode(values), as: UTF8.self),
            "Timestamp": AliyunRPCSigning.timestamp(now()), "Version": "2017-05-25",
        ]
    }

    func deliver(_ message: OutboundMessage) async throws -> String? {
        guard let phone = message.phone else { throw ChannelFailure("no phone", permanent: true) }
        guard let template = templateCodes[message.event] else {
            throw ChannelFailure("no template code for \(message.event.rawValue)", permanent: true)
        }
        var values = try parameters(message, phone: phone, template: template, nonce: UUID().uuidString.lowercased())
        values["Signature"] = ChannelSigning.aliyun(secret: accessKeySecret.value, method: "GET", parameters: values)
        let query = values.sorted { $0.key < $1.key }.map { "\(AliyunRPCSigning.percentEncode($0.key))=\(AliyunRPCSigning.percentEncode($0.value))" }
            .joined(separator: "&")
        let base = endpoint.hasSuffix("/") ? endpoint : endpoint + "/"
        let answer = try await http.send(.GET, url: base + "?" + query, headers: [("Accept", "application/json")], body: nil)
        let object = Self.object(answer.body)
        guard (200..<300).contains(answer.status), let code = object?["Code"] as? String else {
            throw ChannelFailure("HTTP \(answer.status) \(object?["Code"] as? String ?? "")")
        }
        guard code == "OK" else {
            // Flow control and system errors pass; a refused signature, template or number does not.
            let retry = code.hasPrefix("isv.BUSINESS_LIMIT_CONTROL") || code.hasPrefix("isp.")
            throw ChannelFailure("\(code) \(object?["Message"] as? String ?? "")", permanent: !retry)
        }
        return object?["BizId"] as? String
    }

    static func object(_ body: Data) -> [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
}
