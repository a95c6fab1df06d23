/// Checks a grid import before anything is written, and lists every problem found.
///
/// Checks: ring structure (at least four positions, closed), self-intersections, duplicate codes,
/// overlaps between sibling grids (same parent code; an overlap counts when its area exceeds the
/// tolerance, so shared edges and rounding slivers pass) and, for grids whose community polygon is
/// given, the area lying outside it.
public struct GridValidator: Sendable {
    /// Overlap between siblings, in square metres, that is still accepted.
    public var overlapTolerance: Double
    /// Area outside the community, in square metres, that is still accepted.
    public var outsideTolerance: Double

    /// Creates a validator.
    public init(overlapTolerance: Double = 1, outsideTolerance: Double = 1) {
        self.overlapTolerance = overlapTolerance
        self.outsideTolerance = outsideTolerance
    }

    /// All problems, ordered by feature index; an empty list means the import may proceed.
    public func validate(_ grids: [GridFeature], communities: [String: AreaGeometry] = [:]) -> [GridValidationIssue] {
        var issues: [GridValidationIssue] = []
        var firstIndexOfCode: [String: Int] = [:]
        var usable = [Bool](repeating: false, count: grids.count)
        for (index, grid) in grids.enumerated() {
            if let first = firstIndexOfCode[grid.code] {
                issues.append(GridValidationIssue(code: grid.code, featureIndex: index, kind: .duplicateCode(firstIndex: first)))
            } else {
                firstIndexOfCode[grid.code] = index
            }
            let structural = structureIssues(grid, index: index)
            issues += structural
            guard structural.isEmpty else { continue }
            if let point = SelfIntersectionFinder.firstContact(in: grid.geometry.rings) {
                issues.append(GridValidationIssue(code: grid.code, featureIndex: index, kind: .selfIntersection(near: point)))
            } else {
                usable[index] = true
            }
        }
        issues += siblingOverlaps(grids, usable: usable)
        issues += outsideCommunities(grids, usable: usable, communities: communities)
        return issues.enumerated()
            .sorted { ($0.element.featureIndex, $0.offset) < ($1.element.featureIndex, $1.offset) }
            .map(\.element)
    }

    private func structureIssues(_ grid: GridFeature, index: Int) -> [GridValidationIssue] {
        var issues: [GridValidationIssue] = []
        for (polygonIndex, polygon) in grid.geometry.polygons.enumerated() {
            for (ringIndex, ring) in polygon.rings.enumerated() {
                let location = GridValidationIssue.RingLocation(polygon: polygonIndex, ring: ringIndex)
                if ring.positions.count < 4 {
                    issues.append(
                        GridValidationIssue(
                            code: grid.code, featureIndex: index, kind: .tooFewPositions(location, count: ring.positions.count)
                        ))
                } else if !ring.isClosed {
                    issues.append(GridValidationIssue(code: grid.code, featureIndex: index, kind: .unclosedRing(location)))
                }
            }
        }
        return issues
    }

    /// Sweeps each parent's grids by bounding box and measures the overlap of every pair whose boxes meet.
    private func siblingOverlaps(_ grids: [GridFeature], usable: [Bool]) -> [GridValidationIssue] {
        var issues: [GridValidationIssue] = []
        let families = Dictionary(grouping: grids.indices.filter { usable[$0] }) { grids[$0].parentCode ?? "" }
        for members in families.values {
            let boxed = members.compactMap { index in grids[index].geometry.boundingBox.map { (index, $0) } }
                .sorted { $0.1.minLon < $1.1.minLon }
            for (position, (firstIndex, firstBox)) in boxed.enumerated() {
                for (secondIndex, secondBox) in boxed[(position + 1)...] {
                    guard secondBox.minLon <= firstBox.maxLon else { break }
                    guard firstBox.intersects(secondBox) else { continue }
                    let area = overlapArea(grids[firstIndex].geometry, grids[secondIndex].geometry, firstBox, secondBox)
                    guard area > overlapTolerance else { continue }
                    let (earlier, later) = (min(firstIndex, secondIndex), max(firstIndex, secondIndex))
                    issues.append(
                        GridValidationIssue(
                            code: grids[later].code, featureIndex: later,
                            kind: .overlap(otherCode: grids[earlier].code, otherIndex: earlier, squareMetres: area)
                        ))
                }
            }
        }
        return issues
    }

    private func overlapArea(_ first: AreaGeometry, _ second: AreaGeometry, _ firstBox: BoundingBox, _ secondBox: BoundingBox) -> Double {
        let projection = LocalProjection(origin: firstBox.union(secondBox).center)
        return PlanarRegion.intersectionArea(PlanarRegion(first, projection), PlanarRegion(second, projection))
    }

    private func outsideCommunities(
        _ grids: [GridFeature], usable: [Bool], communities: [String: AreaGeometry]
    ) -> [GridValidationIssue] {
        var issues: [GridValidationIssue] = []
        for (index, grid) in grids.enumerated() where usable[index] {
            guard let communityCode = grid.parentCode, let community = communities[communityCode],
                let box = grid.geometry.boundingBox
            else { continue }
            let projection = LocalProjection(origin: box.center)
            let region = PlanarRegion(grid.geometry, projection)
            let outside = region.area - PlanarRegion.intersectionArea(region, PlanarRegion(community, projection))
            if outside > outsideTolerance {
                issues.append(
                    GridValidationIssue(
                        code: grid.code, featureIndex: index, kind: .outsideCommunity(communityCode: communityCode, squareMetres: outside)
                    ))
            }
        }
        return issues
    }
}
