import Foundation

/// A stretch during which a clock stood still (waiting on the requester, or the order shelved).
public struct ClockPause: Sendable, Hashable, Codable {
    public let start: Date
    public let end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }
}
