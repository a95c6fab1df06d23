/// The hours an event is open on its day, such as 14:00–17:00; it ends after it starts, on the same day.
public struct TimeWindow: Sendable, Hashable, Codable, CustomStringConvertible {
    public let start: TimeOfDay
    public let end: TimeOfDay

    /// The window from `start` to `end`; throws when it does not end after it starts.
    public init(start: TimeOfDay, end: TimeOfDay) throws(RecurrenceRuleError) {
        guard start < end else { throw .emptyTimeWindow(start: start, end: end) }
        self.start = start
        self.end = end
    }

    /// `HH:mm-HH:mm`, e.g. 14:00-17:00.
    public var description: String { "\(start)-\(end)" }

    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(TimeOfDay.self, forKey: .start)
        let end = try container.decode(TimeOfDay.self, forKey: .end)
        do {
            try self.init(start: start, end: end)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: error.description)
        }
    }
}
