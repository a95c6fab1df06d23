import Foundation

/// The key of one rollup row: the orders created on one Beijing day in one place, with one unit, category,
/// channel and request kind. Rows of any cut (a township's month, a department's quarter) are added up from these.
public struct RollupKey: Sendable, Hashable, Codable {
    /// The Beijing day the orders were created, the day they are counted on.
    public let day: LocalDate
    public let divisions: OrderDivisions
    /// The unit responsible now; nil while orders wait with a dispatcher.
    public let departmentID: UUID?
    public let categoryCode: String
    public let channel: Channel
    public let requestKind: RequestKind

    public init(
        day: LocalDate, divisions: OrderDivisions, departmentID: UUID?, categoryCode: String,
        channel: Channel, requestKind: RequestKind
    ) {
        self.day = day
        self.divisions = divisions
        self.departmentID = departmentID
        self.categoryCode = categoryCode
        self.channel = channel
        self.requestKind = requestKind
    }

    /// The row `fact` is counted in.
    public init(_ fact: OrderFact) {
        self.init(
            day: fact.createdDay, divisions: fact.dimensions.divisions, departmentID: fact.departmentID,
            categoryCode: fact.dimensions.categoryCode, channel: fact.dimensions.channel,
            requestKind: fact.dimensions.requestKind)
    }
}
