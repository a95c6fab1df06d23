import Foundation
import Testing
@testable import LianxinCore

@Suite struct DuplicateFinderTests {
    private let now = Date(timeIntervalSince1970: 1_717_200_000)
    private let square = GeoPoint(lon: 117.9436, lat: 28.4546)

    private func point(metersNorth: Double) -> GeoPoint {
        GeoPoint(lon: square.lon, lat: square.lat + metersNorth / 111_195)
    }

    private var incoming: OrderSketch {
        OrderSketch(text: "广场东侧路灯坏了，晚上一片漆黑", location: square, receivedAt: now, callerHash: "caller-a")
    }

    @Test func theSameProblemNearbyAndRecentRanksFirst() {
        let candidates = [
            OrderSketch(
                id: "far-in-time", text: "广场东侧路灯坏了，晚上很黑", location: point(metersNorth: 50),
                receivedAt: now.addingTimeInterval(-60 * 3600)),
            OrderSketch(
                id: "best", text: "广场东侧路灯坏了，晚上很黑", location: point(metersNorth: 30),
                receivedAt: now.addingTimeInterval(-2 * 3600)),
            OrderSketch(
                id: "other-problem", text: "广场上有人跳舞音响太吵", location: point(metersNorth: 10),
                receivedAt: now.addingTimeInterval(-3600)),
        ]
        let suggestions = DuplicateFinder().suggestions(for: incoming, among: candidates)
        #expect(suggestions.map(\.orderID) == ["best", "far-in-time"])
        let best = suggestions[0]
        #expect(best.score > 0.5 && best.score <= 1)
        #expect(abs(best.distanceMeters! - 30) < 1)
        #expect(abs(best.hoursApart - 2) < 1e-9)
        #expect(best.textSimilarity > 0.5)
        #expect(!best.sameCaller)
    }

    @Test func ordersOutsideTheRadiusOrTimeWindowAreNotSuggested() {
        let candidates = [
            OrderSketch(id: "too-far", text: incoming.text, location: point(metersNorth: 800), receivedAt: now),
            OrderSketch(id: "too-old", text: incoming.text, location: square, receivedAt: now.addingTimeInterval(-80 * 3600)),
        ]
        #expect(DuplicateFinder().suggestions(for: incoming, among: candidates).isEmpty)
        let wider = DuplicateFinderParameters(radiusMeters: 1000, timeWindowHours: 96)
        #expect(DuplicateFinder(parameters: wider).suggestions(for: incoming, among: candidates).count == 2)
    }

    @Test func theSameCallersRecentOrderIsSuggestedEvenFarAway() {
        let candidate = OrderSketch(
            id: "same-caller", text: "广场东侧路灯还是不亮", location: point(metersNorth: 3000),
            receivedAt: now.addingTimeInterval(-5 * 3600), callerHash: "caller-a")
        let suggestion = DuplicateFinder().suggestions(for: incoming, among: [candidate]).first
        #expect(suggestion?.sameCaller == true)
        #expect((suggestion?.distanceMeters ?? 0) > 2900)
    }

    @Test func ordersWithoutLocationAreJudgedByTextAndTime() {
        let candidate = OrderSketch(id: "no-place", text: "广场东侧路灯坏了", receivedAt: now.addingTimeInterval(-3600))
        let suggestion = DuplicateFinder().suggestions(for: incoming, among: [candidate]).first
        #expect(suggestion?.orderID == "no-place")
        #expect(suggestion?.distanceMeters == nil)
    }

    @Test func anOrderIsNeverItsOwnDuplicateAndResultsAreCapped() {
        var order = incoming
        order.id = "self"
        let copies = (0..<20).map { OrderSketch(id: "copy-\($0)", text: order.text, location: square, receivedAt: now) }
        let suggestions = DuplicateFinder().suggestions(for: order, among: [order] + copies)
        #expect(!suggestions.contains { $0.orderID == "self" })
        #expect(suggestions.count == DuplicateFinderParameters().maxResults)
        #expect(suggestions.map(\.orderID) == suggestions.map(\.orderID).sorted())
    }
}
