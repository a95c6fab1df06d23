import Foundation

/// One stretch of volunteer service from check-in to check-out (by QR code or by the organiser).
public struct ServiceSession: Sendable, Hashable, Codable {
    public let volunteerID: UUID
    public let checkIn: Date
    public let checkOut: Date

    /// A session; throws when the check-out is earlier than the check-in.
    public init(volunteerID: UUID, checkIn: Date, checkOut: Date) throws(ServiceHoursError) {
        guard checkOut >= checkIn else {
            throw .checkOutBeforeCheckIn(volunteerID: volunteerID, checkIn: checkIn, checkOut: checkOut)
        }
        self.volunteerID = volunteerID
        self.checkIn = checkIn
        self.checkOut = checkOut
    }

    private enum CodingKeys: String, CodingKey { case volunteerID, checkIn, checkOut }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                volunteerID: container.decode(UUID.self, forKey: .volunteerID),
                checkIn: container.decode(Date.self, forKey: .checkIn),
                checkOut: container.decode(Date.self, forKey: .checkOut))
        } catch let error as ServiceHoursError {
            throw DecodingError.dataCorruptedError(forKey: .checkOut, in: container, debugDescription: error.description)
        }
    }
}
