import Testing
@testable import LianxinCore

/// #16 item 6: the client address behind proxies is the right-most untrusted `X-Forwarded-For` entry.
@Suite("Trusted proxies: who the client is behind a load balancer")
struct TrustedProxiesTests {
    let proxies = try! TrustedProxies(parsing: "10.0.0.0/8, 127.0.0.1, fd00::/8")

    @Test func item06_aForgedLeftMostEntryIsNotTheClient() {
        // The attacker sends "X-Forwarded-For: 1.2.3.4"; our proxy appends the real address.
        #expect(proxies.client(peer: "10.0.0.5", forwardedFor: ["1.2.3.4, 203.0.113.9"]) == "203.0.113.9")
        #expect(proxies.client(peer: "10.0.0.5", forwardedFor: ["1.2.3.4", "203.0.113.9, 10.0.0.7"]) == "203.0.113.9")
    }

    @Test func item06_anUntrustedPeerIsTheClientWhateverItClaims() {
        #expect(proxies.client(peer: "198.51.100.2", forwardedFor: ["1.2.3.4"]) == "198.51.100.2")
        #expect(TrustedProxies.none.client(peer: "127.0.0.1", forwardedFor: ["1.2.3.4"]) == "127.0.0.1")
    }

    @Test func addressesAndRangesOfBothFamiliesAreMatched() throws {
        #expect(proxies.contains("10.255.1.2") && proxies.contains("127.0.0.1") && proxies.contains("fd12::1"))
        #expect(!proxies.contains("11.0.0.1") && !proxies.contains("127.0.0.2") && !proxies.contains("fe80::1"))
        #expect(!proxies.contains("not an address"))
        #expect(TrustedProxies.loopback.contains("127.8.9.10") && TrustedProxies.loopback.contains("::1"))
        #expect(throws: TrustedProxies.InvalidEntry(entry: "10.0.0.0/33")) { try TrustedProxies(parsing: "10.0.0.0/33") }
        #expect(throws: TrustedProxies.InvalidEntry(entry: "proxy.local")) { try TrustedProxies(parsing: "127.0.0.1, proxy.local") }
    }

    @Test func aChainOfOnlyProxiesOrGarbageGivesNoForgedAddress() {
        #expect(proxies.client(peer: "10.0.0.5", forwardedFor: ["10.0.0.9, 10.0.0.8"]) == "10.0.0.9")
        #expect(proxies.client(peer: "10.0.0.5", forwardedFor: ["<script>"]) == nil)
        #expect(proxies.client(peer: "10.0.0.5", forwardedFor: []) == "10.0.0.5")
    }
}
