import Foundation
import Testing
@testable import LianxinCore

/// The Shamos–Hoey sweep against the pairwise reference, on random rings full of the degenerate
/// cases (shared corners, collinear edges, touching vertices), and on rings too big for pairs.
@Suite struct SweepIntersectionTests {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    func ring(_ points: [(Double, Double)]) -> LinearRing { LinearRing(closing: points.map { GeoPoint(lon: $0.0, lat: $0.1) }) }

    @Test func agreesWithThePairwiseReferenceOnRandomSnappedRings() {
        var random = Random(state: 16)
        var contacts = 0
        for round in 0..<4_000 {
            let ringCount = 1 + random.next(3)
            let grid = 3 + random.next(6)
            let rings = (0..<ringCount).map { _ in
                ring((0..<(3 + random.next(9))).map { _ in (Double(random.next(grid)), Double(random.next(grid))) })
            }
            let sweep = SelfIntersectionFinder.firstContact(in: rings)
            let pairs = SelfIntersectionFinder.firstContactByPairs(in: rings)
            #expect((sweep == nil) == (pairs == nil), "round \(round): \(rings.map(\.vertices))")
            if pairs != nil { contacts += 1 }
        }
        #expect(contacts > 500 && contacts < 3_900, "both outcomes are exercised (\(contacts))")
    }

    @Test func agreesWithThePairwiseReferenceOnRandomStarPolygons() {
        var random = Random(state: 1_116)
        var simple = 0
        for round in 0..<1_000 {
            // Vertices by angle around a centre are a simple ring; a swap of two may make it cross.
            let count = 5 + random.next(60)
            var points = (0..<count).map { index -> (Double, Double) in
                let angle = Double(index) / Double(count) * 2 * Double.pi
                let radius = 0.001 + Double(random.next(1_000)) / 1_000_000
                return (117.9 + radius * cos(angle), 28.4 + radius * sin(angle))
            }
            if random.next(2) == 0 { points.swapAt(random.next(count), random.next(count)) }
            let rings = [ring(points)]
            let sweep = SelfIntersectionFinder.firstContact(in: rings)
            #expect((sweep == nil) == (SelfIntersectionFinder.firstContactByPairs(in: rings) == nil), "round \(round)")
            if sweep == nil { simple += 1 }
        }
        #expect(simple > 400 && simple < 1_000)
    }

    /// A comb: a spine and `teeth` long horizontal teeth, every tooth edge overlapping every other in
    /// longitude — the shape that makes pairwise checking quadratic.
    func comb(teeth: Int) -> [(Double, Double)] {
        var points: [(Double, Double)] = [(0, 0)]
        for tooth in 0..<teeth {
            let y = Double(tooth) * 2
            points += [(10, y), (10, y + 1), (0.1, y + 1)]
            if tooth < teeth - 1 { points.append((0.1, y + 2)) }
        }
        points.append((0, Double(teeth) * 2 - 1))
        return points
    }

    @Test func item14_aFiftyThousandVertexRingIsCheckedFast() {
        let points = comb(teeth: 12_500)
        #expect(points.count >= 50_000)
        let started = Date()
        #expect(SelfIntersectionFinder.firstContact(in: [ring(points)]) == nil, "the comb is simple")
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 10, "checked in \(elapsed) s (a debug build on a shared machine)")

        // The same comb with one tooth pushed into its neighbour is caught, as quickly.
        var crossing = points
        crossing[crossing.count / 2].1 += 1.5
        let again = Date()
        #expect(SelfIntersectionFinder.firstContact(in: [ring(crossing)]) != nil)
        #expect(Date().timeIntervalSince(again) < 10)
    }

    @Test func smallCombsAgreeWithThePairs() {
        for teeth in [1, 2, 3, 10, 50] {
            let rings = [ring(comb(teeth: teeth))]
            #expect(SelfIntersectionFinder.firstContact(in: rings) == nil && SelfIntersectionFinder.firstContactByPairs(in: rings) == nil)
        }
    }

    @Test func touchingCornersAndFoldsAreContacts() {
        // Two squares sharing only a corner.
        let a = ring([(0, 0), (1, 0), (1, 1), (0, 1)]), b = ring([(1, 1), (2, 1), (2, 2), (1, 2)])
        #expect(SelfIntersectionFinder.firstContact(in: [a, b]) == GeoPoint(lon: 1, lat: 1))
        // A vertex on another edge (T), a fold back, a bow tie.
        #expect(SelfIntersectionFinder.firstContact(in: [ring([(0, 0), (4, 0), (4, 4), (2, 0), (0, 4)])]) != nil)
        #expect(SelfIntersectionFinder.firstContact(in: [ring([(0, 0), (4, 0), (2, 0), (2, 3)])]) != nil)
        #expect(SelfIntersectionFinder.firstContact(in: [ring([(0, 0), (2, 2), (2, 0), (0, 2)])]) != nil)
        // A hole inside, apart: simple.
        #expect(SelfIntersectionFinder.firstContact(in: [a.reversed, ring([(0.2, 0.2), (0.4, 0.2), (0.4, 0.4)])]) == nil)
        // Vertical edges and collinear neighbours that go straight on are fine.
        #expect(SelfIntersectionFinder.firstContact(in: [ring([(0, 0), (0, 1), (0, 2), (1, 2), (1, 0)])]) == nil)
    }
}
