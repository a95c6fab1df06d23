import Foundation

/// Divides an area (a county boundary, or a box) into demo grids, marked `generated: true`.
///
/// The grids are the cells of a jittered quadrilateral lattice. Cells that the area covers wholly get
/// wiggly shared edges (extra vertices placed identically for both neighbours, so the grids still tile
/// exactly) and a few get an enclave: a smaller grid filling a hole in them. Cells cut by the area's
/// boundary keep straight edges, which keeps them convex, and are clipped exactly to the area, possibly
/// into several parts. Grids are numbered along a Hilbert curve so that each community's grids lie together;
/// codes are the 12-digit community code plus a 3-digit serial.
public struct GridGenerator: Sendable {
    /// What to generate.
    public struct Options: Sendable, Hashable {
        /// About how many grids to make (enclaves included); cells cut by a ragged boundary add some.
        public var targetCount: Int
        /// How far lattice corners move, as a share of the cell side (below 0.25 keeps cells convex).
        public var jitter: Double
        /// How many extra vertices each wiggly edge gets.
        public var extraVerticesPerEdge: ClosedRange<Int>
        /// Share of wholly covered cells that get an enclave grid in a hole.
        public var enclaveShare: Double
        /// Seed of the random choices: the same seed gives the same grids.
        public var seed: UInt64
        /// Grid names are this prefix plus the serial.
        public var namePrefix: String

        /// Creates options.
        public init(
            targetCount: Int, jitter: Double = 0.15, extraVerticesPerEdge: ClosedRange<Int> = 1...9,
            enclaveShare: Double = 0.02, seed: UInt64 = 2024, namePrefix: String = "网格"
        ) {
            self.targetCount = targetCount
            self.jitter = min(max(jitter, 0), 0.24)
            self.extraVerticesPerEdge = max(0, extraVerticesPerEdge.lowerBound)...max(0, extraVerticesPerEdge.upperBound)
            self.enclaveShare = min(max(enclaveShare, 0), 1)
            self.seed = seed
            self.namePrefix = namePrefix
        }
    }

    /// What to generate.
    public var options: Options

    /// Creates a generator.
    public init(options: Options) {
        self.options = options
    }

    /// Divides the area and shares the grids among the communities, in blocks along a Hilbert curve.
    public func generate(in area: AreaGeometry, communities: [String]) throws(GridGenerationError) -> [GridFeature] {
        guard options.targetCount > 0 else { throw .invalidCount(options.targetCount) }
        guard !communities.isEmpty else { throw .noCommunities }
        if let bad = communities.first(where: { $0.count != 12 || !$0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            throw .invalidCommunityCode(bad)
        }
        guard let box = area.boundingBox, box.maxLon > box.minLon, box.maxLat > box.minLat, area.area > 0 else {
            throw .emptyArea
        }
        var random = SeededRandom(seed: options.seed)
        let lattice = JitteredLattice(box: box, area: area.area, options: options, random: &random)
        let units = lattice.cut(area, options: options, random: &random)
        let total = units.reduce(0) { $0 + $1.grids.count }
        let perCommunity = (total + communities.count - 1) / communities.count
        guard perCommunity <= 999 else { throw .tooManyGridsPerCommunity(perCommunity) }
        return name(units.sorted { $0.order < $1.order }, total: total, communities: communities)
    }

    /// Gives codes, names and parents, filling communities in order so each holds about the same number of grids.
    private func name(_ units: [LatticeUnit], total: Int, communities: [String]) -> [GridFeature] {
        var features: [GridFeature] = []
        features.reserveCapacity(total)
        var serials = [Int](repeating: 0, count: communities.count)
        var position = 0
        for unit in units {
            let community = min(communities.count - 1, position * communities.count / max(total, 1))
            for geometry in unit.grids {
                serials[community] += 1
                let serial = String(format: "%03d", serials[community])
                features.append(
                    GridFeature(
                        code: communities[community] + serial,
                        name: options.namePrefix + serial,
                        parentCode: communities[community],
                        geometry: geometry,
                        properties: ["generated": .bool(true)]
                    ))
                position += 1
            }
        }
        return features
    }
}
