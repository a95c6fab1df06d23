/// The division codes an order lies in, from its city down to its grid (行政区划路径), as stored codes.
public struct OrderDivisions: Sendable, Hashable, Codable {
    public var city: String?
    public var county: String?
    public var township: String?
    public var community: String?
    public var grid: String?

    public init(
        city: String? = nil, county: String? = nil, township: String? = nil, community: String? = nil,
        grid: String? = nil
    ) {
        self.city = city
        self.county = county
        self.township = township
        self.community = community
        self.grid = grid
    }

    /// The code at `level`, where the order has one; provinces are above every cut and give nil.
    public func code(at level: DivisionLevel) -> String? {
        switch level {
        case .province: nil
        case .city: city
        case .county: county
        case .township: township
        case .community: community
        }
    }
}
