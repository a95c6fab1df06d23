import Foundation

/// One line of the append-only points ledger (积分): points a volunteer earned (positive) or spent (negative).
public struct PointsEntry: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let volunteerID: UUID
    /// Positive for points earned, negative for points spent.
    public let amount: Int
    public let reason: PointsReason
    /// What the entry is about: the service session, wish, event, exchange order or adjustment record.
    public let referenceID: UUID?
    public let time: Date

    /// An entry; throws when the amount's sign does not fit the reason.
    public init(
        id: UUID, volunteerID: UUID, amount: Int, reason: PointsReason, referenceID: UUID?, time: Date
    ) throws(PointsLedgerError) {
        guard reason.allows(amount) else { throw .amountDoesNotFitReason(amount: amount, reason: reason) }
        self.id = id
        self.volunteerID = volunteerID
        self.amount = amount
        self.reason = reason
        self.referenceID = referenceID
        self.time = time
    }

    private enum CodingKeys: String, CodingKey { case id, volunteerID, amount, reason, referenceID, time }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                id: container.decode(UUID.self, forKey: .id),
                volunteerID: container.decode(UUID.self, forKey: .volunteerID),
                amount: container.decode(Int.self, forKey: .amount),
                reason: container.decode(PointsReason.self, forKey: .reason),
                referenceID: container.decodeIfPresent(UUID.self, forKey: .referenceID),
                time: container.decode(Date.self, forKey: .time))
        } catch let error as PointsLedgerError {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: container, debugDescription: error.description)
        }
    }
}
