/// The division codes above a point, from its grid up to its county.
public struct DivisionPath: Sendable, Hashable, Codable {
    /// The grid's code.
    public var grid: String
    /// The community or village code (the grid's parent), when known.
    public var community: String?
    /// The township or street code, when known.
    public var township: String?
    /// The county or district code, when known.
    public var county: String?

    /// Creates a path.
    public init(grid: String, community: String? = nil, township: String? = nil, county: String? = nil) {
        self.grid = grid
        self.community = community
        self.township = township
        self.county = county
    }
}
