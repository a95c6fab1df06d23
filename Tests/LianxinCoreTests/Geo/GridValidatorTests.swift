import Foundation
import Testing
@testable import LianxinCore

@Suite struct GridValidatorTests {
    func grid(_ code: String, _ polygon: Polygon, parent: String? = "C1") -> GridFeature {
        GridFeature(code: code, parentCode: parent, geometry: .polygon(polygon))
    }

    @Test func adjacentSiblingsSharingAnEdgeAreValid() {
        let grids = [grid("A", GeoTestSupport.box(117, 28, 117.01, 28.01)), grid("B", GeoTestSupport.box(117.01, 28, 117.02, 28.01))]
        #expect(GridValidator().validate(grids).isEmpty)
    }

    @Test func duplicateCodesAreReported() {
        let grids = [grid("A", GeoTestSupport.box(117, 28, 117.01, 28.01)), grid("A", GeoTestSupport.box(117.01, 28, 117.02, 28.01))]
        let issues = GridValidator().validate(grids)
        #expect(issues.map(\.kind) == [.duplicateCode(firstIndex: 0)])
        #expect(issues[0].featureIndex == 1)
        #expect(issues[0].chineseMessage.contains("编码"))
    }

    @Test func unclosedAndShortRingsAreReported() {
        let open = Polygon(
            outer: LinearRing([GeoPoint(lon: 0, lat: 0), GeoPoint(lon: 1, lat: 0), GeoPoint(lon: 1, lat: 1), GeoPoint(lon: 0, lat: 1)]))
        let short = Polygon(outer: LinearRing([GeoPoint(lon: 0, lat: 0), GeoPoint(lon: 1, lat: 0), GeoPoint(lon: 0, lat: 0)]))
        let issues = GridValidator().validate([grid("A", open), grid("B", short)])
        #expect(
            issues.map(\.kind) == [
                .unclosedRing(.init(polygon: 0, ring: 0)),
                .tooFewPositions(.init(polygon: 0, ring: 0), count: 3),
            ])
    }

    @Test func aBowTieIsSelfIntersecting() throws {
        let bowTie = Polygon(
            outer: LinearRing(closing: [
                GeoPoint(lon: 0, lat: 0), GeoPoint(lon: 1, lat: 1), GeoPoint(lon: 1, lat: 0), GeoPoint(lon: 0, lat: 1),
            ]))
        let issue = try #require(GridValidator().validate([grid("A", bowTie)]).first)
        guard case .selfIntersection(let point) = issue.kind else { Issue.record("\(issue)"); return }
        #expect(abs(point.lon - 0.5) < 1e-12 && abs(point.lat - 0.5) < 1e-12)
        #expect(issue.englishMessage.contains("crosses"))
    }

    @Test func aSpikeFoldingBackAndAHoleTouchingTheOuterRingAreSelfIntersections() {
        let spike = Polygon(
            outer: LinearRing(closing: [
                GeoPoint(lon: 0, lat: 0), GeoPoint(lon: 2, lat: 0), GeoPoint(lon: 1, lat: 0), GeoPoint(lon: 1, lat: 1),
            ]))
        let touching = GeoTestSupport.box(0, 0, 4, 4, holes: [GeoTestSupport.holeRing(0, 1, 2, 2)])
        let issues = GridValidator().validate([grid("A", spike), grid("B", touching, parent: "C2")])
        #expect(issues.count == 2)
        #expect(issues.allSatisfy { if case .selfIntersection = $0.kind { true } else { false } })
    }

    @Test func crossingContainedAndIdenticalSiblingsOverlap() {
        let grids = [
            grid("A", GeoTestSupport.box(117, 28, 117.02, 28.02)),
            grid("B", GeoTestSupport.box(117.01, 28.01, 117.03, 28.03)),
            grid("C", GeoTestSupport.box(117.005, 28.005, 117.006, 28.006)),
            grid("D", GeoTestSupport.box(117, 28, 117.02, 28.02)),
        ]
        let issues = GridValidator().validate(grids)
        let pairs = Set(
            issues.compactMap { issue -> [String]? in
                guard case .overlap(let other, _, let area) = issue.kind, area > 1 else { return nil }
                return [other, issue.code].sorted()
            })
        #expect(pairs == [["A", "B"], ["A", "C"], ["A", "D"], ["B", "D"], ["C", "D"]])
        let ab = issues.first { $0.code == "B" }
        guard case .overlap(_, _, let area)? = ab?.kind else { Issue.record("no A–B overlap"); return }
        let expected = GeoTestSupport.box(117.01, 28.01, 117.02, 28.02).area
        #expect(abs(area - expected) / expected < 0.01)
    }

    @Test func overlapsBetweenGridsOfDifferentCommunitiesAreNotSiblingOverlaps() {
        let grids = [grid("A", GeoTestSupport.box(117, 28, 117.02, 28.02)), grid("B", GeoTestSupport.box(117.01, 28, 117.03, 28.02), parent: "C2")]
        #expect(GridValidator().validate(grids).isEmpty)
    }

    @Test func aSliverBelowTheToleranceIsAccepted() {
        let grids = [grid("A", GeoTestSupport.box(117, 28, 117.01, 28.01)), grid("B", GeoTestSupport.box(117.009_999_9, 28, 117.02, 28.01))]
        #expect(GridValidator(overlapTolerance: 20).validate(grids).isEmpty)
        #expect(GridValidator(overlapTolerance: 1).validate(grids).count == 1)
    }

    @Test func aGridReachingOutsideItsCommunityIsReportedWithTheOutsideArea() throws {
        let community = AreaGeometry.polygon(GeoTestSupport.box(117, 28, 117.02, 28.02))
        let grids = [
            grid("IN", GeoTestSupport.box(117, 28, 117.01, 28.01)),
            grid("OUT", GeoTestSupport.box(117.01, 28.01, 117.03, 28.02)),
        ]
        let issues = GridValidator().validate(grids, communities: ["C1": community])
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.code == "OUT")
        guard case .outsideCommunity(let code, let area) = issue.kind else { Issue.record("\(issue)"); return }
        let expected = GeoTestSupport.box(117.02, 28.01, 117.03, 28.02).area
        #expect(code == "C1")
        #expect(abs(area - expected) / expected < 0.01)
    }

    @Test func tenThousandVertexRingsAreCheckedQuickly() throws {
        func circle(_ count: Int, radius: Double, wobble: Bool) -> [GeoPoint] {
            (0..<count).map { step in
                let angle = Double(step) / Double(count) * 2 * .pi
                let r = radius * (wobble && step % 2 == 0 ? 1.000_01 : 1)
                return GeoPoint(lon: 117 + r * cos(angle), lat: 28 + r * sin(angle))
            }
        }
        let simple = Polygon(outer: LinearRing(closing: circle(10_000, radius: 0.05, wobble: true)))
        var crossed = circle(10_000, radius: 0.05, wobble: false)
        crossed.swapAt(4_000, 4_001)
        let start = Date()
        let issues = GridValidator().validate([grid("A", simple), grid("B", Polygon(outer: LinearRing(closing: crossed)), parent: "C2")])
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(issues.count == 1)
        #expect(issues.first?.code == "B")
    }
}
