/// The order's attributes that analytics cut by and that its events do not carry: where, what and how it came.
public struct OrderDimensions: Sendable, Hashable, Codable {
    public var divisions: OrderDivisions
    /// The category's code in the category table (e.g. `0101`).
    public var categoryCode: String
    public var channel: Channel
    public var requestKind: RequestKind

    public init(divisions: OrderDivisions, categoryCode: String, channel: Channel, requestKind: RequestKind) {
        self.divisions = divisions
        self.categoryCode = categoryCode
        self.channel = channel
        self.requestKind = requestKind
    }
}
