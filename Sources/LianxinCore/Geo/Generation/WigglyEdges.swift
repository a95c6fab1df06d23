/// Extra vertices on the lattice edges shared by two wholly covered cells, stored once per edge so both neighbours agree.
struct WigglyEdges {
    /// Points of horizontal edge (i, j)→(i+1, j), west to east, at index j * columns + i.
    private var horizontalPoints: [[GeoPoint]]
    /// Points of vertical edge (i, j)→(i, j+1), south to north, at index j * (columns + 1) + i.
    private var verticalPoints: [[GeoPoint]]
    private let columns: Int

    init(lattice: JitteredLattice, whole: [Bool], options: GridGenerator.Options, random: inout SeededRandom) {
        columns = lattice.columns
        horizontalPoints = Array(repeating: [], count: lattice.columns * (lattice.rows + 1))
        verticalPoints = Array(repeating: [], count: (lattice.columns + 1) * lattice.rows)
        func isWhole(_ i: Int, _ j: Int) -> Bool { whole[j * lattice.columns + i] }
        for j in 1..<max(1, lattice.rows) {
            for i in 0..<lattice.columns where isWhole(i, j - 1) && isWhole(i, j) {
                horizontalPoints[j * lattice.columns + i] = WigglyEdges.wiggle(
                    lattice.corner(i, j), lattice.corner(i + 1, j), offsetX: 0, offsetY: lattice.stepY, options, &random
                )
            }
        }
        for j in 0..<lattice.rows {
            for i in 1..<max(1, lattice.columns) where isWhole(i - 1, j) && isWhole(i, j) {
                verticalPoints[j * (lattice.columns + 1) + i] = WigglyEdges.wiggle(
                    lattice.corner(i, j), lattice.corner(i, j + 1), offsetX: lattice.stepX, offsetY: 0, options, &random
                )
            }
        }
    }

    func horizontal(_ i: Int, _ j: Int) -> [GeoPoint] { horizontalPoints[j * columns + i] }

    func vertical(_ i: Int, _ j: Int) -> [GeoPoint] { verticalPoints[j * (columns + 1) + i] }

    /// Points strictly between a and b, pushed sideways by up to 8% of a step, less near the ends so neighbouring edges never meet.
    private static func wiggle(
        _ a: GeoPoint, _ b: GeoPoint, offsetX: Double, offsetY: Double,
        _ options: GridGenerator.Options, _ random: inout SeededRandom
    ) -> [GeoPoint] {
        let count = Int.random(in: options.extraVerticesPerEdge, using: &random)
        return (0..<count).map { step in
            let t = Double(step + 1) / Double(count + 1)
            let push = 0.08 * 4 * t * (1 - t) * Double.random(in: -1...1, using: &random)
            return GeoPoint(
                lon: a.lon + t * (b.lon - a.lon) + push * offsetX,
                lat: a.lat + t * (b.lat - a.lat) + push * offsetY
            )
        }
    }
}
