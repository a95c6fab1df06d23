import Foundation

/// How long a staff session lives: it ends after `idleTimeout` without a request, and in any
/// case after `absoluteLifetime`.
public struct SessionPolicy: Sendable, Equatable {
    public var idleTimeout: TimeInterval
    public var absoluteLifetime: TimeInterval
    /// Activity is written back at most this often, so that every request is not a write.
    public var touchInterval: TimeInterval

    public init(
        idleTimeout: TimeInterval = 30 * 60, absoluteLifetime: TimeInterval = 12 * 3600,
        touchInterval: TimeInterval = 60
    ) {
        self.idleTimeout = idleTimeout
        self.absoluteLifetime = absoluteLifetime
        self.touchInterval = touchInterval
    }

    /// Whether a session created at `createdAt` and last seen at `lastSeenAt` is still valid at `now`.
    public func isValid(createdAt: Date, lastSeenAt: Date, at now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) < idleTimeout && now.timeIntervalSince(createdAt) < absoluteLifetime
    }

    /// Whether the last-seen time should be written back at `now`.
    public func needsTouch(lastSeenAt: Date, at now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= touchInterval
    }
}
