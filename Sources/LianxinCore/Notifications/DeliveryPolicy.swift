import Foundation

/// When a message may go out: no SMS during quiet hours (Beijing time) and at most `perHour` SMS to one
/// recipient in an hour; otherwise it waits. The inbox, webhooks and robots (whose providers limit
/// them on their side) are not held. Retries back off exponentially.
public struct DeliveryPolicy: Sendable, Equatable {
    /// Quiet hours start (hour of the day, Beijing time, 0–23); equal start and end: no quiet hours.
    public var quietStart: Int
    /// Quiet hours end (hour of the day, Beijing time, 0–23).
    public var quietEnd: Int
    /// Messages to one recipient in any hour; 0: no limit.
    public var perHour: Int
    /// Attempts before a message is given up.
    public var maximumAttempts: Int

    public init(quietStart: Int = 22, quietEnd: Int = 7, perHour: Int = 5, maximumAttempts: Int = 10) {
        self.quietStart = quietStart
        self.quietEnd = quietEnd
        self.perHour = perHour
        self.maximumAttempts = maximumAttempts
    }

    private static let beijing: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return calendar
    }()

    /// The end of the quiet hours `date` lies in (Beijing time), or nil when it lies outside them.
    public func quietUntil(_ date: Date) -> Date? {
        guard quietStart != quietEnd else { return nil }
        let hour = Self.beijing.component(.hour, from: date)
        let inside = quietStart < quietEnd ? (hour >= quietStart && hour < quietEnd) : (hour >= quietStart || hour < quietEnd)
        guard inside else { return nil }
        let startOfDay = Self.beijing.startOfDay(for: date)
        var end = Self.beijing.date(byAdding: .hour, value: quietEnd, to: startOfDay)!
        if end <= date { end = Self.beijing.date(byAdding: .day, value: 1, to: end)! }
        return end
    }

    /// What to do with a message now, given when the recipient's messages of the last hour went out.
    public func decide(now: Date, channelIsSMS: Bool, sentToRecipientWithinHour: [Date]) -> Decision {
        guard channelIsSMS else { return .send }
        if let until = quietUntil(now) { return .wait(until: until, reason: .quietHours) }
        if perHour > 0 {
            let recent = sentToRecipientWithinHour.filter { now.timeIntervalSince($0) < 3600 }.sorted()
            if recent.count >= perHour, let oldest = recent.first {
                return .wait(until: oldest.addingTimeInterval(3600), reason: .rateLimited)
            }
        }
        return .send
    }

    /// The delay before attempt `attempts + 1`: 30 s doubling, at most 1 hour.
    public static func backoff(afterAttempts attempts: Int) -> TimeInterval {
        min(30 * pow(2, Double(max(0, attempts - 1))), 3600)
    }

    /// Whether to send, or until when to wait and why.
    public enum Decision: Sendable, Equatable {
        case send
        case wait(until: Date, reason: WaitReason)
    }

    public enum WaitReason: String, Sendable { case quietHours, rateLimited }
}
