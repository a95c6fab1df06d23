import Foundation

/// Builds the cell directory of a `PolygonIndex`.
struct PolygonIndexBuilder {
    let areas: FlatPolygons
    let options: PolygonIndex.Options
    private(set) var directory = PolygonIndex.Directory()
    private(set) var cells: [PolygonIndex.Cell] = []
    private(set) var candidates: [Int32] = []
    /// Slack around every cell: covers the rounding of cell arithmetic in both build and lookup.
    private var tolerance = 0.0
    private var classifier = CellClassifier()

    /// Caps the top-level directory at 64 MiB of cells; crowded cells are split further instead.
    private static let maximumTopLevelCells = 4_194_304.0

    init(areas: FlatPolygons, options: PolygonIndex.Options) {
        self.areas = areas
        self.options = options
    }

    mutating func build() {
        let boxes = areas.boxes.filter { $0.minLon <= $0.maxLon }
        guard let first = boxes.first else { return }
        let extent = boxes.dropFirst().reduce(first) { $0.union($1) }
        let magnitude = max(1, abs(extent.minLon), abs(extent.maxLon), abs(extent.minLat), abs(extent.maxLat))
        tolerance = magnitude * 1e-12
        let width = max(extent.maxLon - extent.minLon, tolerance * 1e6)
        let height = max(extent.maxLat - extent.minLat, tolerance * 1e6)
        let targetCells = min(max(1, Double(boxes.count) * options.cellsPerArea), PolygonIndexBuilder.maximumTopLevelCells)
        let side = (width * height / targetCells).squareRoot()
        let columns = Int(min(max(1, (width / side).rounded(.up)), 4096))
        let rows = Int(min(max(1, (height / side).rounded(.up)), 4096))
        directory = PolygonIndex.Directory(
            minX: extent.minLon, minY: extent.minLat, maxX: extent.minLon + width, maxY: extent.minLat + height,
            cellWidth: width / Double(columns), inverseCellWidth: Double(columns) / width,
            cellHeight: height / Double(rows), inverseCellHeight: Double(rows) / height,
            columns: columns, rows: rows
        )
        let (starts, entries) = classifyTopLevel()
        cells = Array(repeating: PolygonIndex.Cell(cover: -1, count: 0, first: -1, second: -1), count: columns * rows)
        var boundary: [Int32] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let cellIndex = row * columns + column
                let incidences = entries[starts[cellIndex]..<starts[cellIndex + 1]]
                let cover = incidences.reduce(Int32(-1)) { cover, entry in
                    entry.covers && (cover < 0 || entry.area < cover) ? entry.area : cover
                }
                boundary.removeAll(keepingCapacity: true)
                for entry in incidences where !entry.covers && (cover < 0 || entry.area < cover) {
                    boundary.append(entry.area)
                }
                refine(cellIndex, directory.rectangle(column: column, row: row), cover: cover, boundary: boundary, depth: 0)
            }
        }
    }

    /// One (cell, area) incidence from the top-level pass.
    private struct Entry {
        var area: Int32
        var covers: Bool
    }

    /// Classifies every area against the top-level cells and groups the results by cell (a counting sort).
    private mutating func classifyTopLevel() -> (starts: [Int], entries: [Entry]) {
        var found: [(cell: Int32, entry: Entry)] = []
        found.reserveCapacity(areas.count * 6)
        let directory = self.directory
        let tolerance = self.tolerance
        var classifier = self.classifier
        areas.withView { view in
            for area in 0..<areas.count {
                let box = areas.boxes[area]
                guard box.minLon <= box.maxLon else { continue }
                let grid = CellClassifier.Grid(
                    originX: directory.minX, originY: directory.minY,
                    cellWidth: directory.cellWidth, cellHeight: directory.cellHeight,
                    firstColumn: clamp(
                        Int(((box.minLon - tolerance - directory.minX) * directory.inverseCellWidth).rounded(.down)), directory.columns),
                    lastColumn: clamp(
                        Int(((box.maxLon + tolerance - directory.minX) * directory.inverseCellWidth).rounded(.down)), directory.columns),
                    firstRow: clamp(Int(((box.minLat - tolerance - directory.minY) * directory.inverseCellHeight).rounded(.down)), directory.rows),
                    lastRow: clamp(Int(((box.maxLat + tolerance - directory.minY) * directory.inverseCellHeight).rounded(.down)), directory.rows)
                )
                classifier.classify(area, areas, view, grid, tolerance: tolerance) { column, row, covers in
                    found.append((Int32(row * directory.columns + column), Entry(area: Int32(area), covers: covers)))
                }
            }
        }
        self.classifier = classifier
        var starts = [Int](repeating: 0, count: directory.columns * directory.rows + 1)
        for item in found { starts[Int(item.cell) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var entries = [Entry](repeating: Entry(area: 0, covers: false), count: found.count)
        for item in found {
            entries[next[Int(item.cell)]] = item.entry
            next[Int(item.cell)] += 1
        }
        return (starts, entries)
    }

    /// Writes cell `index` as a leaf, or splits it in four and recurses while it lists too many boundary areas.
    private mutating func refine(
        _ index: Int, _ rectangle: (x0: Double, y0: Double, x1: Double, y1: Double),
        cover: Int32, boundary: [Int32], depth: Int
    ) {
        let (x0, y0, x1, y1) = rectangle
        let canSplit = depth < options.maximumDepth && (x1 - x0) > tolerance * 1e4 && (y1 - y0) > tolerance * 1e4
        guard boundary.count > options.maximumLeafCandidates, canSplit else {
            switch boundary.count {
            case 0...2:
                cells[index] = PolygonIndex.Cell(
                    cover: cover, count: Int32(boundary.count), first: boundary.first ?? -1, second: boundary.dropFirst().first ?? -1
                )
            default:
                cells[index] = PolygonIndex.Cell(cover: cover, count: Int32(boundary.count), first: Int32(candidates.count), second: -1)
                candidates.append(contentsOf: boundary)
            }
            return
        }
        let firstChild = cells.count
        cells[index] = PolygonIndex.Cell(cover: -1, count: -1, first: Int32(firstChild), second: -1)
        cells.append(contentsOf: repeatElement(PolygonIndex.Cell(cover: -1, count: 0, first: -1, second: -1), count: 4))
        var covers = [Int32](repeating: cover, count: 4)
        var lists = [[Int32]](repeating: [], count: 4)
        let grid = CellClassifier.Grid(
            originX: x0, originY: y0, cellWidth: (x1 - x0) / 2, cellHeight: (y1 - y0) / 2,
            firstColumn: 0, lastColumn: 1, firstRow: 0, lastRow: 1
        )
        var classifier = self.classifier
        let tolerance = self.tolerance
        areas.withView { view in
            for area in boundary {
                classifier.classify(Int(area), areas, view, grid, tolerance: tolerance) { column, row, coversChild in
                    let quadrant = row * 2 + column
                    if coversChild {
                        if covers[quadrant] < 0 || area < covers[quadrant] { covers[quadrant] = area }
                    } else {
                        lists[quadrant].append(area)
                    }
                }
            }
        }
        self.classifier = classifier
        let midX = 0.5 * (x0 + x1)
        let midY = 0.5 * (y0 + y1)
        let quadrants = [(x0, y0, midX, midY), (midX, y0, x1, midY), (x0, midY, midX, y1), (midX, midY, x1, y1)]
        for quadrant in 0..<4 {
            let childCover = covers[quadrant]
            refine(
                firstChild + quadrant, quadrants[quadrant], cover: childCover,
                boundary: lists[quadrant].filter { childCover < 0 || $0 < childCover }, depth: depth + 1
            )
        }
    }
}

/// Clamps a cell coordinate into 0..<count.
private func clamp(_ value: Int, _ count: Int) -> Int { min(max(value, 0), count - 1) }
