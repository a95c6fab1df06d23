import Foundation

/// One sitting of a service event: its local day and when it starts and ends.
public struct Occurrence: Sendable, Hashable, Codable {
    /// The day in Beijing time.
    public let day: LocalDate
    public let start: Date
    public let end: Date
}
