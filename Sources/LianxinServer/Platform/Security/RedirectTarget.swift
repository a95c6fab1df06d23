import Foundation

/// Where a `next` or `back` parameter may send the browser: only a path on this site. Browsers
/// drop tabs and newlines from a Location and read a backslash as a slash, so `/\t/evil.example`
/// would leave the site; a target is therefore accepted only when it is an absolute path made of
/// the characters a URL path and query may hold (RFC 3986), without a second leading slash.
enum RedirectTarget {
    /// The characters allowed in a target: unreserved, sub-delims, `:@/?%`.
    private static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?%")

    /// `target` when it is a same-site path, otherwise `fallback`.
    static func sameSite(_ target: String?, fallback: String = "/") -> String {
        guard let target, target.count <= 2_000, target.hasPrefix("/"), !target.hasPrefix("//"),
            target.allSatisfy({ allowed.contains($0) })
        else { return fallback }
        return target
    }
}
