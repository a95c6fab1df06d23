/// When a service event (红帐篷) takes place: its days, its hours on those days (Beijing time), and its exceptions.
public struct RecurrenceRule: Sendable, Hashable, Codable {
    /// The days, with lists sorted and deduplicated.
    public let pattern: RecurrencePattern
    /// The hours on each day.
    public let window: TimeWindow
    /// Whether the event rests on statutory holidays, which the caller names when listing occurrences.
    public let skipsHolidays: Bool
    /// Days on which this event does not take place although the pattern says it would.
    public let skippedDates: Set<LocalDate>

    /// A rule; throws when the pattern can never occur.
    public init(
        _ pattern: RecurrencePattern, window: TimeWindow, skipsHolidays: Bool = false, skippedDates: Set<LocalDate> = []
    ) throws(RecurrenceRuleError) {
        self.pattern = try pattern.validated()
        self.window = window
        self.skipsHolidays = skipsHolidays
        self.skippedDates = skippedDates
    }

    private enum CodingKeys: String, CodingKey { case pattern, window, skipsHolidays, skippedDates }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let pattern = try container.decode(RecurrencePattern.self, forKey: .pattern)
        let window = try container.decode(TimeWindow.self, forKey: .window)
        let skipsHolidays = try container.decodeIfPresent(Bool.self, forKey: .skipsHolidays) ?? false
        let skippedDates = try container.decodeIfPresent([LocalDate].self, forKey: .skippedDates) ?? []
        do {
            try self.init(pattern, window: window, skipsHolidays: skipsHolidays, skippedDates: Set(skippedDates))
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .pattern, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pattern, forKey: .pattern)
        try container.encode(window, forKey: .window)
        try container.encode(skipsHolidays, forKey: .skipsHolidays)
        // Sorted, so that the stored JSON of an unchanged rule never changes.
        try container.encode(skippedDates.sorted(), forKey: .skippedDates)
    }
}
