/// Sorts the cells of a small grid window into those an area's boundary passes near, those the area covers, and the rest.
///
/// A cell is "boundary" when some edge comes within `tolerance` of it, judged conservatively: a
/// cell wrongly called boundary only costs an exact test later, while a cell wrongly called covered
/// or empty would give wrong answers, so every estimate errs outward. Cells that no edge comes near
/// are wholly inside or wholly outside; a run of such cells along a row shares one status, found by
/// testing the centre of its first cell.
struct CellClassifier {
    /// A window of cells (columns `firstColumn...lastColumn`, rows `firstRow...lastRow`) of a regular grid.
    struct Grid {
        var originX: Double
        var originY: Double
        var cellWidth: Double
        var cellHeight: Double
        var firstColumn: Int
        var lastColumn: Int
        var firstRow: Int
        var lastRow: Int
    }

    /// Scratch marks, reused between calls.
    private var marks: [Bool] = []

    /// Reports each boundary cell with `covers == false` and each covered cell with `covers == true`.
    mutating func classify(
        _ area: Int, _ areas: FlatPolygons, _ view: FlatPolygons.View, _ grid: Grid, tolerance: Double,
        report: (_ column: Int, _ row: Int, _ covers: Bool) -> Void
    ) {
        let columns = grid.lastColumn - grid.firstColumn + 1
        let rows = grid.lastRow - grid.firstRow + 1
        guard columns > 0, rows > 0 else { return }
        marks.removeAll(keepingCapacity: true)
        marks.append(contentsOf: repeatElement(false, count: columns * rows))
        areas.forEachEdge(of: area) { a, b in
            markEdge(a, b, grid, columns: columns, tolerance: tolerance)
        }
        for row in 0..<rows {
            var runStatus: Bool?
            for column in 0..<columns {
                if marks[row * columns + column] {
                    runStatus = nil
                    report(grid.firstColumn + column, grid.firstRow + row, false)
                    continue
                }
                if runStatus == nil {
                    let centerX = grid.originX + (Double(grid.firstColumn + column) + 0.5) * grid.cellWidth
                    let centerY = grid.originY + (Double(grid.firstRow + row) + 0.5) * grid.cellHeight
                    runStatus = view.contains(area, centerX, centerY)
                }
                if runStatus == true { report(grid.firstColumn + column, grid.firstRow + row, true) }
            }
        }
    }

    /// Marks the cells that segment a–b comes within `tolerance` of, column by column.
    private mutating func markEdge(_ a: GeoPoint, _ b: GeoPoint, _ grid: Grid, columns: Int, tolerance: Double) {
        let minX = min(a.lon, b.lon), maxX = max(a.lon, b.lon)
        let minY = min(a.lat, b.lat), maxY = max(a.lat, b.lat)
        let firstColumn = max(grid.firstColumn, Int(((minX - tolerance - grid.originX) / grid.cellWidth).rounded(.down)))
        let lastColumn = min(grid.lastColumn, Int(((maxX + tolerance - grid.originX) / grid.cellWidth).rounded(.down)))
        guard firstColumn <= lastColumn else { return }
        let slope = a.lon == b.lon ? 0 : (b.lat - a.lat) / (b.lon - a.lon)
        // Interpolated latitudes inherit the longitude rounding times the slope; widen by that much too.
        let slack = tolerance * (1 + abs(slope))
        for column in firstColumn...lastColumn {
            var low = minY, high = maxY
            if a.lon != b.lon {
                let left = max(minX, grid.originX + Double(column) * grid.cellWidth - tolerance)
                let right = min(maxX, grid.originX + Double(column + 1) * grid.cellWidth + tolerance)
                guard left <= right else { continue }
                let yLeft = a.lat + (left - a.lon) * slope
                let yRight = a.lat + (right - a.lon) * slope
                low = max(minY, min(yLeft, yRight) - slack)
                high = min(maxY, max(yLeft, yRight) + slack)
            }
            let firstRow = max(grid.firstRow, Int(((low - tolerance - grid.originY) / grid.cellHeight).rounded(.down)))
            let lastRow = min(grid.lastRow, Int(((high + tolerance - grid.originY) / grid.cellHeight).rounded(.down)))
            guard firstRow <= lastRow else { continue }
            for row in firstRow...lastRow {
                marks[(row - grid.firstRow) * columns + (column - grid.firstColumn)] = true
            }
        }
    }
}
