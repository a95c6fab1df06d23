import Vapor
import LianxinCore

/// Whether a webhook may be sent to an address: `https://` only (plain `http://` to a loopback host outside
/// production, for local receivers), and in production never to a host that resolves to an internal address
/// (private, loopback, link-local …), checked again before each delivery because DNS answers change.
struct WebhookTarget: Sendable {
    let production: Bool
    let threadPool: NIOThreadPool

    init(_ app: Application) {
        production = app.lianxin.settings.mode == .production
        threadPool = app.threadPool
    }

    /// Why `url` may not receive webhooks, or nil.
    func refusal(_ url: String) async -> WebhookTargetRefusal? {
        if let refusal = OutboundTarget.check(url, allowLoopbackHTTP: !production) { return WebhookTargetRefusal(url: url, reason: refusal) }
        guard production, let host = URLComponents(string: url)?.host else { return nil }
        let addresses = (try? await threadPool.runIfActive { Self.resolve(host) }) ?? []
        guard !addresses.isEmpty else { return WebhookTargetRefusal(url: url, reason: .unresolvable) }
        if let inside = addresses.first(where: OutboundTarget.isInternal) {
            return WebhookTargetRefusal(url: url, reason: .internalAddress(inside))
        }
        return nil
    }

    /// The host's addresses (a literal address is its own).
    static func resolve(_ host: String) -> [String] {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if IPRange.bytes(of: bare) != nil { return [bare] }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(bare, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        for entry in sequence(first: first, next: { $0.pointee.ai_next }) {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(entry.pointee.ai_addr, entry.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                addresses.append(String(cString: buffer))
            }
        }
        return addresses
    }
}

/// A refused webhook address, with the reason in the words of the locale files.
struct WebhookTargetRefusal: Error, CustomStringConvertible {
    let url: String
    let reason: OutboundTarget.Refusal

    /// The locale key of the reason.
    var key: String {
        switch reason {
        case .notAnAddress: "security_webhook_not_address"
        case .notHTTPS: "security_webhook_not_https"
        case .internalAddress: "security_webhook_internal"
        case .unresolvable: "security_webhook_unresolvable"
        }
    }

    var description: String {
        switch reason {
        case .internalAddress(let address): "\(url): refused, resolves to the internal address \(address)"
        default: "\(url): refused (\(key))"
        }
    }
}
