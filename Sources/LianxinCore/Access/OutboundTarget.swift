import Foundation

/// Where the server may send outbound requests (webhooks): an `https://` address; plain `http://` only to
/// a loopback host when insecure targets are allowed (development); and, when internal targets are refused
/// (production), no address that resolves into a private, loopback, link-local or otherwise internal range,
/// so that a webhook cannot be aimed at the server's own network.
public enum OutboundTarget {
    /// Why an address is refused.
    public enum Refusal: Error, Equatable, Sendable {
        case notAnAddress
        case notHTTPS
        case internalAddress(String)
        case unresolvable
    }

    /// Checks the address's form: scheme, host, no credentials. `allowLoopbackHTTP` admits `http://` to a loopback host.
    public static func check(_ text: String, allowLoopbackHTTP: Bool) -> Refusal? {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty, components.user == nil, components.password == nil
        else { return .notAnAddress }
        switch scheme {
        case "https": return nil
        case "http" where allowLoopbackHTTP && isLoopbackHost(host): return nil
        case "http": return .notHTTPS
        default: return .notAnAddress
        }
    }

    /// Whether `host` names this machine (`localhost`, 127.0.0.0/8, ::1).
    public static func isLoopbackHost(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare.hasSuffix(".localhost") { return true }
        guard let bytes = IPRange.bytes(of: bare) else { return false }
        return loopback.contains { $0.contains(bytes) }
    }

    /// Whether an address (its text) lies in a range no outbound request may reach in production.
    public static func isInternal(_ address: String) -> Bool {
        guard let bytes = IPRange.bytes(of: address) else { return true }
        return internalRanges.contains { $0.contains(bytes) }
            || (bytes.count == 16 && bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
                && isInternal(bytes.suffix(4).map(String.init).joined(separator: ".")))
    }

    private static let loopback = ["127.0.0.0/8", "::1/128"].compactMap(IPRange.init)

    /// Unspecified, loopback, private (RFC 1918), shared (RFC 6598), link-local, benchmarking, documentation,
    /// multicast and reserved IPv4 ranges; unspecified, loopback, unique-local, link-local, site-local,
    /// NAT64 and multicast IPv6 ranges.
    private static let internalRanges = [
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3",
        "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "64:ff9b::/96", "ff00::/8",
    ].compactMap(IPRange.init)
}
