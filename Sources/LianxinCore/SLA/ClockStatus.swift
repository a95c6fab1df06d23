/// Where a stage clock stands at an instant; shown as the badge colour of an order.
public enum ClockStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Counting, with time to spare.
    case running
    /// Counting, past the warning time (yellow, 预警).
    case warning
    /// Past the deadline, or stopped after it (red, 超期).
    case breached
    /// Stopped in time.
    case met
    /// Standing still while the order waits on the requester or is shelved.
    case paused
}
