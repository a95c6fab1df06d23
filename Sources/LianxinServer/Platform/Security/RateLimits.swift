import Foundation
import NIOConcurrencyHelpers
import LianxinCore

/// The rate limiters of one server instance, one per purpose and key (e.g. "open311:<key id>",
/// "login-ip:<address>"), each a `RateLimiter` bucket. Limits are per instance: behind a load
/// balancer with N instances a client may reach up to N times the figure.
final class RateLimits: Sendable {
    private let limiters = NIOLockedValueBox<[String: RateLimiter]>([:])

    /// Whether `key` may make one more request now under `perMinute` (with an equal burst).
    func allow(_ key: String, perMinute: Int, burst: Int? = nil, at now: Date) -> Bool {
        limiters.withLockedValue { limiters in
            var limiter = limiters[key] ?? RateLimiter(perMinute: perMinute, burst: burst)
            if limiter.perMinute != Double(max(1, perMinute)) { limiter = RateLimiter(perMinute: perMinute, burst: burst) }
            let allowed = limiter.allow(key, at: now).allowed
            limiters[key] = limiter
            return allowed
        }
    }
}
