import Foundation

/// The service time credited to one volunteer for one day (Beijing time).
public struct ServiceDay: Sendable, Hashable, Codable {
    public let volunteerID: UUID
    public let day: LocalDate
    /// Credited minutes, a multiple of 15.
    public let minutes: Int

    /// A credited day, e.g. as stored after `ServiceHours.credited`.
    public init(volunteerID: UUID, day: LocalDate, minutes: Int) {
        self.volunteerID = volunteerID
        self.day = day
        self.minutes = minutes
    }

    /// The credited time in hours (1.75 for 1 h 45 min).
    public var hours: Double { Double(minutes) / 60 }
}
