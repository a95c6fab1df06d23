import Foundation
import NIOConcurrencyHelpers
import LianxinCore

/// The rate limiters of one server instance: one `RateLimiter` per purpose and limit (the part of
/// the key before the first colon, e.g. "open311", "login-ip"), holding a bucket per key
/// ("login-ip:<address>"). A limiter drops buckets that have refilled, so the memory held follows
/// the clients active in the last minutes, not every address ever seen. Limits are per instance:
/// behind a load balancer with N instances a client may reach up to N times the figure.
final class RateLimits: Sendable {
    private let limiters = NIOLockedValueBox<[String: RateLimiter]>([:])

    /// Whether `key` may make one more request now under `perMinute` (with an equal burst).
    func allow(_ key: String, perMinute: Int, burst: Int? = nil, at now: Date) -> Bool {
        let purpose = "\(key.split(separator: ":", maxSplits: 1).first ?? "")|\(perMinute)|\(burst ?? perMinute)"
        return limiters.withLockedValue { limiters in
            var limiter = limiters[purpose] ?? RateLimiter(perMinute: perMinute, burst: burst)
            let allowed = limiter.allow(key, at: now).allowed
            limiters[purpose] = limiter
            return allowed
        }
    }

    /// Whether `key` may spend one more of a quota of `count` per `seconds` (an hour's, a day's) now.
    func allow(_ key: String, quota count: Int, per seconds: TimeInterval, at now: Date) -> Bool {
        let purpose = "\(key.split(separator: ":", maxSplits: 1).first ?? "")|quota|\(count)|\(Int(seconds))"
        return limiters.withLockedValue { limiters in
            var limiter = limiters[purpose] ?? RateLimiter(quota: count, per: seconds)
            let allowed = limiter.allow(key, at: now).allowed
            limiters[purpose] = limiter
            return allowed
        }
    }

    /// Buckets held across all limiters (for tests and metrics).
    var bucketCount: Int { limiters.withLockedValue { $0.values.reduce(0) { $0 + $1.trackedKeys } } }
}
