import Foundation

/// Why a service session was refused.
public enum ServiceHoursError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The check-out is earlier than the check-in.
    case checkOutBeforeCheckIn(volunteerID: UUID, checkIn: Date, checkOut: Date)

    public var description: String {
        switch self {
        case .checkOutBeforeCheckIn(let volunteerID, let checkIn, let checkOut):
            "volunteer \(volunteerID) checked out at \(checkOut), before checking in at \(checkIn)"
        }
    }
}
