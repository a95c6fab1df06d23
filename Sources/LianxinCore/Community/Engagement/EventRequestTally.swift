/// What became of a request collected at a service event (红帐篷).
public enum EventRequestOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Solved at the stall (当场解决).
    case solvedOnSite
    /// Filed as a work order with channel `meeting`.
    case workOrder
}

/// The counts a service event reports: requests collected, solved on site, and those that became work orders
/// (Longnan: 210 collected, 72 solved on site).
public struct EventRequestTally: Sendable, Hashable, Codable {
    public let collected: Int
    public let solvedOnSite: Int
    public let becameOrders: Int

    /// The tally of `outcomes`, one per collected request.
    public init(_ outcomes: some Sequence<EventRequestOutcome>) {
        var solved = 0, orders = 0, total = 0
        for outcome in outcomes {
            total += 1
            switch outcome {
            case .solvedOnSite: solved += 1
            case .workOrder: orders += 1
            }
        }
        collected = total
        solvedOnSite = solved
        becameOrders = orders
    }

    /// Solved on site ÷ collected, nil when nothing was collected.
    public var onSiteRate: Double? { collected == 0 ? nil : Double(solvedOnSite) / Double(collected) }
}
