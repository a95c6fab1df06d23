import Foundation

/// Token buckets per key (an IP address, an account, an API key): each key may spend `burst`
/// requests at once and regains `perMinute` a minute. Pure: the caller passes the time, and the
/// server keeps one limiter per purpose behind a lock. Idle keys are forgotten.
public struct RateLimiter: Sendable {
    public let perMinute: Double
    public let burst: Double
    private var buckets: [String: (tokens: Double, at: Date)] = [:]
    private var lastPrune = Date.distantPast

    public init(perMinute: Int, burst: Int? = nil) {
        self.perMinute = Double(max(1, perMinute))
        self.burst = Double(max(1, burst ?? perMinute))
    }

    /// A quota: `count` at once, regained evenly over `seconds` (20 an hour: a burst of 20, one back every 3 minutes).
    public init(quota count: Int, per seconds: TimeInterval) {
        burst = Double(max(1, count))
        perMinute = burst * 60 / max(1, seconds)
    }

    /// Whether `key` may make one more request at `now` (spending it if so), and, if not, how many
    /// seconds until it may.
    public mutating func allow(_ key: String, at now: Date) -> (allowed: Bool, retryAfter: TimeInterval) {
        prune(now)
        var bucket = buckets[key] ?? (burst, now)
        let refill = max(0, now.timeIntervalSince(bucket.at)) * perMinute / 60
        bucket = (min(burst, bucket.tokens + refill), now)
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            return (false, (1 - bucket.tokens) * 60 / perMinute)
        }
        bucket.tokens -= 1
        buckets[key] = bucket
        return (true, 0)
    }

    /// Drops buckets that have been full for a while (at most once a minute).
    private mutating func prune(_ now: Date) {
        guard now.timeIntervalSince(lastPrune) > 60 else { return }
        lastPrune = now
        let refillTime = burst * 60 / perMinute
        buckets = buckets.filter { now.timeIntervalSince($0.value.at) < refillTime }
    }

    /// Keys currently tracked.
    public var trackedKeys: Int { buckets.count }
}
