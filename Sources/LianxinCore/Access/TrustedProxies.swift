import Foundation

/// The proxies whose `X-Forwarded-For` entries are believed (a load balancer, nginx), as addresses
/// or CIDR ranges. Each proxy appends the address it received the request from, so only the
/// right-hand end of the header is written by proxies we run; anything to the left of the first
/// address that is not ours was written by the client and may be forged. The client is therefore
/// the right-most address that is not a trusted proxy.
public struct TrustedProxies: Sendable, Equatable {
    public let ranges: [IPRange]

    /// No proxy is trusted: the client is the connection's peer.
    public static let none = TrustedProxies(ranges: [])

    /// Loopback only (a proxy on the same machine).
    public static let loopback = TrustedProxies(ranges: [IPRange("127.0.0.0/8")!, IPRange("::1/128")!])

    public init(ranges: [IPRange]) { self.ranges = ranges }

    /// Parses a comma-separated list of addresses and CIDR ranges; nil names the first entry that is neither.
    public init(parsing text: String) throws(InvalidEntry) {
        var ranges: [IPRange] = []
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            guard let range = IPRange(entry) else { throw InvalidEntry(entry: entry) }
            ranges.append(range)
        }
        self.ranges = ranges
    }

    /// An entry that is neither an IP address nor a CIDR range.
    public struct InvalidEntry: Error, Equatable {
        public let entry: String
    }

    public func contains(_ address: String) -> Bool {
        guard let bytes = IPRange.bytes(of: address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }

    /// The client's address: the peer when it is not a trusted proxy; otherwise the right-most
    /// `X-Forwarded-For` entry that is not one (or the left-most entry when all are).
    public func client(peer: String?, forwardedFor: [String]) -> String? {
        guard let peer, contains(peer) else { return peer }
        let chain = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for address in chain.reversed() where !contains(address) {
            return IPRange.bytes(of: address) == nil ? nil : address
        }
        return chain.first ?? peer
    }
}

/// An IPv4 or IPv6 address range in CIDR form (`10.0.0.0/8`, `fd00::/8`); a bare address is a range of one.
public struct IPRange: Sendable, Equatable {
    public let network: [UInt8]
    public let prefix: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard let bytes = Self.bytes(of: parts[0]) else { return nil }
        let bits = bytes.count * 8
        guard let prefix = parts.count == 2 ? Int(parts[1]) : bits, (0...bits).contains(prefix) else { return nil }
        self.network = Self.masked(bytes, prefix)
        self.prefix = prefix
    }

    public func contains(_ bytes: [UInt8]) -> Bool {
        bytes.count == network.count && Self.masked(bytes, prefix) == network
    }

    /// The address's bytes (4 for IPv4, 16 for IPv6), or nil when `text` is not an address.
    public static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if text.withCString({ inet_pton(AF_INET, $0, &v4) }) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if text.withCString({ inet_pton(AF_INET6, $0, &v6) }) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    private static func masked(_ bytes: [UInt8], _ prefix: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let keep = max(0, min(8, prefix - index * 8))
            return keep == 8 ? byte : byte & UInt8(truncatingIfNeeded: 0xFF << (8 - keep))
        }
    }
}
