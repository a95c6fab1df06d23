import Foundation

/// The text each provider signs, as its documentation defines it. Hashing happens in the server (the
/// core has no cryptography); these functions build the exact strings, byte for byte.
public enum AliyunRPCSigning {
    /// Alibaba Cloud's percent-encoding (RFC 3986 unreserved characters stay; a space is `%20`, `*` is
    /// `%2A`, `~` stays), over the UTF-8 bytes.
    public static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.append(Character(UnicodeScalar(byte)))
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    /// The canonicalized query: parameters (without `Signature`) sorted by name, each name and value
    /// percent-encoded, joined as `name=value` with `&`.
    public static func canonicalQuery(_ parameters: [String: String]) -> String {
        parameters.filter { $0.key != "Signature" }.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { "\(percentEncode($0.key))=\(percentEncode($0.value))" }.joined(separator: "&")
    }

    /// `METHOD&%2F&percentEncode(canonicalQuery)`, signed with HMAC-SHA1 under `secret + "&"`.
    public static func stringToSign(method: String, _ parameters: [String: String]) -> String {
        "\(method)&\(percentEncode("/"))&\(percentEncode(canonicalQuery(parameters)))"
    }

    /// The UTC timestamp Alibaba Cloud expects (`yyyy-MM-dd'T'HH:mm:ss'Z'`).
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}

/// Tencent Cloud API 3.0 signing (TC3-HMAC-SHA256) for a POST of JSON with the signed headers
/// `content-type;host`.
public enum TC3Signing {
    public static let algorithm = "TC3-HMAC-SHA256"
    public static let signedHeaders = "content-type;host"

    /// The UTC date of the timestamp, `yyyy-MM-dd`, part of the credential scope.
    public static func date(_ timestamp: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(timestamp)))
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// `POST\n/\n\ncontent-type:…\nhost:…\n\ncontent-type;host\n<hex sha256 of the payload>`.
    public static func canonicalRequest(contentType: String, host: String, hashedPayload: String) -> String {
        "POST\n/\n\ncontent-type:\(contentType)\nhost:\(host)\n\n\(signedHeaders)\n\(hashedPayload)"
    }

    /// `<date>/<service>/tc3_request`.
    public static func credentialScope(date: String, service: String) -> String { "\(date)/\(service)/tc3_request" }

    /// `TC3-HMAC-SHA256\n<timestamp>\n<scope>\n<hex sha256 of the canonical request>`.
    public static func stringToSign(timestamp: Int, service: String, hashedCanonicalRequest: String) -> String {
        "\(algorithm)\n\(timestamp)\n\(credentialScope(date: date(timestamp), service: service))\n\(hashedCanonicalRequest)"
    }

    /// The `Authorization` header value.
    public static func authorization(secretID: String, timestamp: Int, service: String, signature: String) -> String {
        "\(algorithm) Credential=\(secretID)/\(credentialScope(date: date(timestamp), service: service)), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }
}

/// DingTalk custom robots' signing: HMAC-SHA256 over `timestamp + "\n" + secret` keyed by the secret,
/// Base64, then URL-encoded into the `sign` query parameter next to the millisecond `timestamp`.
public enum DingTalkSigning {
    public static func stringToSign(timestampMilliseconds: Int64, secret: String) -> String { "\(timestampMilliseconds)\n\(secret)" }

    /// The Base64 signature made query-safe (`+`, `/`, `=` percent-encoded).
    public static func queryValue(base64: String) -> String { AliyunRPCSigning.percentEncode(base64) }
}
