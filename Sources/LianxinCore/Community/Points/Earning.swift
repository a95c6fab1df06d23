/// Something a volunteer did that the earn rules reward.
public enum Earning: Sendable, Hashable {
    /// Credited service time, in minutes.
    case service(minutes: Int)
    /// A fulfilled 微心愿.
    case wishFulfilled
    /// An attended activity or event.
    case eventAttended

    /// The ledger reason under which the points are recorded.
    public var reason: PointsReason {
        switch self {
        case .service: .serviceHours
        case .wishFulfilled: .wishFulfilled
        case .eventAttended: .eventAttended
        }
    }
}
