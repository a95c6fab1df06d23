/// Finds which of many areas contains a point.
///
/// A uniform directory of cells covers the areas' extent; each cell lists the areas whose boundary
/// passes through it and the area that covers it wholly, if any. Crowded cells are split in four,
/// recursively, so dense town centres and sparse countryside both get small lists. A lookup walks
/// to the point's leaf cell, tests the listed areas exactly and otherwise answers with the covering
/// area, often without any point-in-polygon test at all.
///
/// Points on boundaries follow the same half-open rule as `Polygon.contains`: in a partition every
/// point belongs to exactly one area, a point on a shared edge to the area east (or north) of it.
/// When areas overlap, the lowest index wins.
public struct PolygonIndex: Sendable {
    /// Tuning knobs; the defaults suit grid partitions.
    public struct Options: Sendable, Hashable {
        /// Top-level cells per area.
        public var cellsPerArea: Double
        /// A cell listing more boundary areas than this is split in four.
        public var maximumLeafCandidates: Int
        /// How many times a top-level cell may be split.
        public var maximumDepth: Int

        /// Creates options.
        public init(cellsPerArea: Double = 8, maximumLeafCandidates: Int = 4, maximumDepth: Int = 6) {
            self.cellsPerArea = cellsPerArea
            self.maximumLeafCandidates = maximumLeafCandidates
            self.maximumDepth = maximumDepth
        }
    }

    /// A directory cell: a leaf with candidates and a covering area, or a split cell with four children.
    ///
    /// Up to two candidates are stored in the cell itself, saving a memory access on most lookups.
    struct Cell: Sendable {
        /// The lowest-indexed area covering the whole leaf, or −1.
        var cover: Int32
        /// The number of candidates of a leaf; −1 marks a split cell.
        var count: Int32
        /// A split cell's first child; the first candidate of a leaf with one or two; else the candidates' offset.
        var first: Int32
        /// The second candidate of a leaf with two.
        var second: Int32
    }

    /// The top-level cell layout.
    struct Directory: Sendable {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        var cellWidth = 0.0, inverseCellWidth = 0.0, cellHeight = 0.0, inverseCellHeight = 0.0
        var columns = 0, rows = 0

        /// The rectangle of top-level cell (column, row), computed the same way by build and lookup.
        @inline(__always)
        func rectangle(column: Int, row: Int) -> (x0: Double, y0: Double, x1: Double, y1: Double) {
            (
                minX + Double(column) * cellWidth, minY + Double(row) * cellHeight,
                minX + Double(column + 1) * cellWidth, minY + Double(row + 1) * cellHeight
            )
        }
    }

    let areas: FlatPolygons
    let directory: Directory
    let cells: [Cell]
    let candidates: [Int32]

    /// Builds the index over the areas; an area's position in the array is its id in answers.
    public init(_ geometries: [AreaGeometry], options: Options = Options()) {
        var builder = PolygonIndexBuilder(areas: FlatPolygons(geometries), options: options)
        builder.build()
        areas = builder.areas
        directory = builder.directory
        cells = builder.cells
        candidates = builder.candidates
    }

    /// Number of indexed areas.
    public var count: Int { areas.count }

    /// The id of the area containing the point, or nil.
    public func area(containing point: GeoPoint) -> Int? {
        let found = withLookup { $0.locate(point.lon, point.lat) }
        return found >= 0 ? Int(found) : nil
    }

    /// The containing area's id for each point, or nil where none contains it.
    public func areas(containing points: [GeoPoint]) -> [Int?] {
        areaIDs(containing: points).map { $0 >= 0 ? Int($0) : nil }
    }

    /// Like `areas(containing:)` but as a compact array with −1 for none, for bulk work.
    ///
    /// Large batches are answered in directory order rather than input order: points are bucketed by
    /// top-level cell first, so that consecutive lookups touch the same cells and polygons while they
    /// are still in cache.
    public func areaIDs(containing points: [GeoPoint]) -> [Int32] {
        var result = [Int32](repeating: -1, count: points.count)
        withLookup { lookup in
            guard points.count >= PolygonIndex.sortedBatchThreshold, directory.columns > 0 else {
                for (index, point) in points.enumerated() { result[index] = lookup.locate(point.lon, point.lat) }
                return
            }
            let batch = DirectoryOrderedBatch(points, directory)
            result.withUnsafeMutableBufferPointer { output in
                for (position, point) in batch.points.enumerated() {
                    output[Int(batch.inputIndices[position])] = lookup.locate(point.lon, point.lat)
                }
            }
        }
        return result
    }

    /// Below this many points, bucketing costs more than it saves.
    static let sortedBatchThreshold = 4096

    private func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
        cells.withUnsafeBufferPointer { cells in
            candidates.withUnsafeBufferPointer { candidates in
                areas.withView { view in
                    body(Lookup(directory: directory, cells: cells, candidates: candidates, areas: view))
                }
            }
        }
    }

    /// Unchecked read access for one batch of lookups.
    private struct Lookup {
        let directory: Directory
        let cells: UnsafeBufferPointer<Cell>
        let candidates: UnsafeBufferPointer<Int32>
        let areas: FlatPolygons.View

        @inline(__always)
        func locate(_ x: Double, _ y: Double) -> Int32 {
            // By the half-open rule nothing contains a point on or beyond the extent's east or north edge.
            guard x >= directory.minX, x < directory.maxX, y >= directory.minY, y < directory.maxY else { return -1 }
            let column = min(Int((x - directory.minX) * directory.inverseCellWidth), directory.columns - 1)
            let row = min(Int((y - directory.minY) * directory.inverseCellHeight), directory.rows - 1)
            var cell = cells[row * directory.columns + column]
            if cell.count < 0 {
                var (x0, y0, x1, y1) = directory.rectangle(column: column, row: row)
                repeat {
                    let midX = 0.5 * (x0 + x1)
                    let midY = 0.5 * (y0 + y1)
                    var quadrant = 0
                    if x >= midX { quadrant += 1; x0 = midX } else { x1 = midX }
                    if y >= midY { quadrant += 2; y0 = midY } else { y1 = midY }
                    cell = cells[Int(cell.first) + quadrant]
                } while cell.count < 0
            }
            switch cell.count {
            case 0:
                break
            case 1:
                if areas.contains(Int(cell.first), x, y) { return cell.first }
            case 2:
                if areas.contains(Int(cell.first), x, y) { return cell.first }
                if areas.contains(Int(cell.second), x, y) { return cell.second }
            default:
                for offset in Int(cell.first)..<(Int(cell.first) + Int(cell.count)) {
                    let area = candidates[offset]
                    if areas.contains(Int(area), x, y) { return area }
                }
            }
            return cell.cover
        }
    }
}
