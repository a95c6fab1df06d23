import Foundation
import Testing
@testable import LianxinCore

@Suite struct HotspotDetectorTests {
    private let end = Date(timeIntervalSince1970: 1_717_200_000)
    private let market = GeoPoint(lon: 117.9436, lat: 28.4546)
    private let school = GeoPoint(lon: 117.9700, lat: 28.4700)

    private func near(_ point: GeoPoint, _ index: Int) -> GeoPoint {
        GeoPoint(lon: point.lon + Double(index % 4) * 0.0003, lat: point.lat + Double(index / 4) * 0.0003)
    }

    private func orders(_ prefix: String, at place: GeoPoint, category: String, count: Int, hoursAgo: Double) -> [HotspotOrder] {
        (0..<count).map { index in
            HotspotOrder(
                id: "\(prefix)-\(index)", location: near(place, index),
                receivedAt: end.addingTimeInterval(-(hoursAgo + Double(index)) * 3600), category: category)
        }
    }

    private var sample: [HotspotOrder] {
        orders("noise", at: market, category: "街面秩序", count: 8, hoursAgo: 10)
            + orders("old-noise", at: market, category: "街面秩序", count: 3, hoursAgo: 200)
            + orders("water", at: market, category: "供水供电供气", count: 3, hoursAgo: 5)
            + orders("school", at: school, category: "交通运输", count: 6, hoursAgo: 30)
            + orders("old-school", at: school, category: "交通运输", count: 9, hoursAgo: 180)
            + orders("ancient", at: school, category: "交通运输", count: 9, hoursAgo: 500)
    }

    @Test func clustersOfOneCategoryInTheWindowBecomeHotspotsLargestFirst() throws {
        let hotspots = HotspotDetector().hotspots(in: sample, windowEnd: end)
        #expect(hotspots.count == 2)
        let noise = try #require(hotspots.first)
        #expect(noise.count == 8)
        #expect(noise.categories == [Hotspot.CategoryCount(category: "街面秩序", count: 8)])
        #expect(noise.memberIDs == (0..<8).reversed().map { "noise-\($0)" })
        #expect(noise.sampleIDs == ["noise-0", "noise-1", "noise-2", "noise-3", "noise-4"])
        #expect(noise.centroid.distance(to: market) < 60)
        #expect(noise.radiusMeters > 0 && noise.radiusMeters < 100)
        #expect(noise.lastReceivedAt.timeIntervalSince(noise.firstReceivedAt) == 7 * 3600)
    }

    @Test func trendComparesWithThePreviousWindow() {
        let hotspots = HotspotDetector().hotspots(in: sample, windowEnd: end)
        #expect(hotspots[0].previousCount == 3)
        #expect(hotspots[0].trend == .rising)
        #expect(hotspots[1].previousCount == 9)
        #expect(hotspots[1].trend == .falling)
    }

    @Test func mixingCategoriesJoinsNeighboursOfDifferentKinds() {
        let parameters = HotspotParameters(separatesCategories: false)
        let market = HotspotDetector(parameters: parameters).hotspots(in: sample, windowEnd: end)[0]
        #expect(market.count == 11)
        #expect(market.categories.map(\.category) == ["街面秩序", "供水供电供气"])
    }

    @Test func theResultDoesNotDependOnInputOrder() {
        var generator = SplitMix64(seed: 11)
        var shuffled = sample
        generator.shuffle(&shuffled)
        #expect(HotspotDetector().hotspots(in: shuffled, windowEnd: end) == HotspotDetector().hotspots(in: sample, windowEnd: end))
    }

    @Test func sparseOrdersMakeNoHotspot() {
        let scattered = (0..<10).map {
            HotspotOrder(
                id: "\($0)", location: GeoPoint(lon: 117.9 + Double($0) * 0.05, lat: 28.4),
                receivedAt: end.addingTimeInterval(-3600), category: "市政设施")
        }
        #expect(HotspotDetector().hotspots(in: scattered, windowEnd: end).isEmpty)
    }
}
