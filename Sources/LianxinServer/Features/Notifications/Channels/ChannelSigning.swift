import Crypto
import Foundation
import LianxinCore

/// The hashes the providers' signatures use, over the exact strings `LianxinCore` builds.
enum ChannelSigning {
    /// Alibaba Cloud RPC: Base64(HMAC-SHA1(secret + "&", stringToSign)).
    static func aliyun(secret: String, method: String, parameters: [String: String]) -> String {
        let mac = HMAC<Insecure.SHA1>.authenticationCode(
            for: Data(AliyunRPCSigning.stringToSign(method: method, parameters).utf8), using: SymmetricKey(data: Data((secret + "&").utf8)))
        return Data(mac).base64EncodedString()
    }

    static func sha256Hex(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    static func hmacSHA256(_ key: Data, _ text: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key)))
    }

    /// Tencent Cloud TC3-HMAC-SHA256: the signature (hex) of a JSON POST to `host`.
    static func tc3(secretKey: String, service: String, host: String, contentType: String, payload: Data, timestamp: Int) -> String {
        let canonical = TC3Signing.canonicalRequest(contentType: contentType, host: host, hashedPayload: sha256Hex(payload))
        let toSign = TC3Signing.stringToSign(timestamp: timestamp, service: service, hashedCanonicalRequest: sha256Hex(Data(canonical.utf8)))
        let secretDate = hmacSHA256(Data(("TC3" + secretKey).utf8), TC3Signing.date(timestamp))
        let secretService = hmacSHA256(secretDate, service)
        let secretSigning = hmacSHA256(secretService, "tc3_request")
        return hmacSHA256(secretSigning, toSign).map { String(format: "%02x", $0) }.joined()
    }

    /// DingTalk robot: Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)).
    static func dingtalk(secret: String, timestampMilliseconds: Int64) -> String {
        hmacSHA256(Data(secret.utf8), DingTalkSigning.stringToSign(timestampMilliseconds: timestampMilliseconds, secret: secret))
            .base64EncodedString()
    }
}
