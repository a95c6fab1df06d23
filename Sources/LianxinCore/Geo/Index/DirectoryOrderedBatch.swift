/// A batch of points reordered by block of top-level directory cells, with each point's original position.
///
/// Blocks, not single cells: a counting sort into a few thousand buckets writes to few enough places
/// at once to stay in cache, and a block is still small enough for its cells and polygons to stay
/// cached while its points are answered.
struct DirectoryOrderedBatch {
    /// The points in block order.
    private(set) var points: [GeoPoint]
    /// `inputIndices[k]` is the position of `points[k]` in the input.
    private(set) var inputIndices: [Int32]

    /// The most buckets the counting sort uses.
    private static let maximumBlocks = 8192

    /// Buckets the points with one counting sort; points outside the directory go last.
    init(_ input: [GeoPoint], _ directory: PolygonIndex.Directory) {
        var blockSide = 1
        while (directory.columns / blockSide + 1) * (directory.rows / blockSide + 1) > DirectoryOrderedBatch.maximumBlocks {
            blockSide *= 2
        }
        let blockColumns = (directory.columns + blockSide - 1) / blockSide
        let blockCount = blockColumns * ((directory.rows + blockSide - 1) / blockSide)
        var keys = [Int32](repeating: Int32(blockCount), count: input.count)
        var starts = [Int](repeating: 0, count: blockCount + 2)
        for (index, point) in input.enumerated() {
            var key = blockCount
            if point.lon >= directory.minX, point.lon < directory.maxX, point.lat >= directory.minY, point.lat < directory.maxY {
                let column = min(Int((point.lon - directory.minX) * directory.inverseCellWidth), directory.columns - 1)
                let row = min(Int((point.lat - directory.minY) * directory.inverseCellHeight), directory.rows - 1)
                key = (row / blockSide) * blockColumns + column / blockSide
            }
            keys[index] = Int32(key)
            starts[key + 1] += 1
        }
        for key in 1..<starts.count { starts[key] += starts[key - 1] }
        var points = [GeoPoint](repeating: GeoPoint(lon: 0, lat: 0), count: input.count)
        var inputIndices = [Int32](repeating: 0, count: input.count)
        for (index, point) in input.enumerated() {
            let key = Int(keys[index])
            points[starts[key]] = point
            inputIndices[starts[key]] = Int32(index)
            starts[key] += 1
        }
        self.points = points
        self.inputIndices = inputIndices
    }
}
