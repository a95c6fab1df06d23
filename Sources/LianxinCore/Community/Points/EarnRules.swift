import Foundation

/// How many points each kind of contribution earns, kept as data so that each community can set its own.
public struct EarnRules: Sendable, Hashable, Codable {
    /// Points for one hour of credited service.
    public let pointsPerServiceHour: Int
    /// How points for part of an hour become whole.
    public let serviceRounding: PointsRounding
    /// Points for fulfilling a 微心愿.
    public let pointsPerWish: Int
    /// Points for attending an activity or event.
    public let pointsPerEvent: Int

    /// Rules with the given rates; throws when one is negative.
    public init(
        pointsPerServiceHour: Int, serviceRounding: PointsRounding, pointsPerWish: Int, pointsPerEvent: Int
    ) throws(EarnRulesError) {
        for (name, value) in [
            ("pointsPerServiceHour", pointsPerServiceHour), ("pointsPerWish", pointsPerWish),
            ("pointsPerEvent", pointsPerEvent),
        ] where value < 0 {
            throw .negativeRate(name: name, value: value)
        }
        self.pointsPerServiceHour = pointsPerServiceHour
        self.serviceRounding = serviceRounding
        self.pointsPerWish = pointsPerWish
        self.pointsPerEvent = pointsPerEvent
    }

    /// The points `earning` is worth (never negative; service time below zero counts as none).
    public func points(for earning: Earning) -> Int {
        switch earning {
        case .service(let minutes): serviceRounding.apply(max(0, minutes) * pointsPerServiceHour, over: 60)
        case .wishFulfilled: pointsPerWish
        case .eventAttended: pointsPerEvent
        }
    }

    /// The ledger entry that records `earning`, or nil when it is worth no points.
    public func entry(
        for earning: Earning, id: UUID, volunteerID: UUID, referenceID: UUID?, time: Date
    ) -> PointsEntry? {
        let amount = points(for: earning)
        guard amount > 0 else { return nil }
        return try? PointsEntry(
            id: id, volunteerID: volunteerID, amount: amount, reason: earning.reason,
            referenceID: referenceID, time: time)
    }

    private enum CodingKeys: String, CodingKey { case pointsPerServiceHour, serviceRounding, pointsPerWish, pointsPerEvent }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                pointsPerServiceHour: container.decode(Int.self, forKey: .pointsPerServiceHour),
                serviceRounding: container.decode(PointsRounding.self, forKey: .serviceRounding),
                pointsPerWish: container.decode(Int.self, forKey: .pointsPerWish),
                pointsPerEvent: container.decode(Int.self, forKey: .pointsPerEvent))
        } catch let error as EarnRulesError {
            throw DecodingError.dataCorruptedError(
                forKey: .pointsPerServiceHour, in: container, debugDescription: error.description)
        }
    }
}
