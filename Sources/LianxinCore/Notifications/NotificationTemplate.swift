import Foundation

/// Fills a message template: `{name}` is replaced by the parameter's value; an unknown name stays as
/// written, so a mistyped template shows its mistake instead of silently dropping words.
public enum NotificationTemplate {
    public static func render(_ template: String, _ parameters: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += parameters[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The values of `event`'s parameters in their order (a provider with positional templates, such as
    /// Tencent Cloud, receives them so), each cut to `limit` characters as providers require.
    public static func positional(_ event: NotificationEvent, _ parameters: [String: String], limit: Int = 20) -> [String] {
        event.parameters.map { String((parameters[$0] ?? "").prefix(limit)) }
    }
}
