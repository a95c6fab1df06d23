/// Answers point → grid → community → township → county, from grid polygons and a table of parent codes.
public struct DivisionLocator: Sendable {
    private let index: PolygonIndex
    private let paths: [DivisionPath]

    /// Indexes the grids; a grid's community is its `parentCode`, and `parents` maps community → township
    /// and township → county (codes are data: the table says how they nest, not their digits).
    public init(grids: [GridFeature], parents: [String: String], options: PolygonIndex.Options = PolygonIndex.Options()) {
        index = PolygonIndex(grids.map(\.geometry), options: options)
        paths = grids.map { grid in
            let township = grid.parentCode.flatMap { parents[$0] }
            return DivisionPath(
                grid: grid.code, community: grid.parentCode, township: township, county: township.flatMap { parents[$0] }
            )
        }
    }

    /// The path of the grid containing the point, or nil outside every grid.
    public func path(at point: GeoPoint) -> DivisionPath? {
        index.area(containing: point).map { paths[$0] }
    }

    /// The path for each point, nil where no grid contains it.
    public func paths(at points: [GeoPoint]) -> [DivisionPath?] {
        index.areaIDs(containing: points).map { $0 >= 0 ? paths[Int($0)] : nil }
    }
}
