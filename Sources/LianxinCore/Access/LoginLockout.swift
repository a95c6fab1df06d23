import Foundation

/// Lockout after repeated failed logins: `maxFailures` failures lock the account for `lockDuration`.
public struct LoginLockout: Sendable, Equatable {
    public var maxFailures: Int
    public var lockDuration: TimeInterval

    public init(maxFailures: Int = 5, lockDuration: TimeInterval = 30 * 60) {
        self.maxFailures = maxFailures
        self.lockDuration = lockDuration
    }

    /// The account's counters after a failed attempt at `now`.
    public func afterFailure(failures: Int, at now: Date) -> (failures: Int, lockedUntil: Date?) {
        let count = failures + 1
        return count >= maxFailures ? (0, now.addingTimeInterval(lockDuration)) : (count, nil)
    }

    /// Whether an account locked until `lockedUntil` is still locked at `now`.
    public func isLocked(until lockedUntil: Date?, at now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return lockedUntil > now
    }
}
