import Foundation

/// Finds hotspots among recent orders (未诉先办): DBSCAN by place within a time window, per category.
///
/// The result depends only on the orders and parameters, never on their input order.
public struct HotspotDetector: Sendable {
    /// The parameters in use.
    public var parameters: HotspotParameters

    /// Creates a detector.
    public init(parameters: HotspotParameters = HotspotParameters()) {
        self.parameters = parameters
    }

    /// Hotspots of the window ending at `windowEnd` (exclusive), largest first, each with its trend
    /// against the window before.
    public func hotspots(in orders: [HotspotOrder], windowEnd: Date) -> [Hotspot] {
        let window = parameters.windowHours * 3600
        let currentStart = windowEnd.addingTimeInterval(-window)
        let previousStart = currentStart.addingTimeInterval(-window)
        let sorted = orders.sorted { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
        let current = sorted.filter { $0.receivedAt >= currentStart && $0.receivedAt < windowEnd }
        let previous = sorted.filter { $0.receivedAt >= previousStart && $0.receivedAt < currentStart }

        let groups =
            parameters.separatesCategories
            ? Dictionary(grouping: current, by: \.category).sorted { $0.key < $1.key }.map(\.value)
            : [current]
        let clusterer = SpatialDBSCAN(radiusMeters: parameters.radiusMeters, minimumPoints: parameters.minimumOrders)
        var hotspots: [Hotspot] = []
        for group in groups {
            let labels = clusterer.labels(for: group.map(\.location))
            var clusters: [Int: [HotspotOrder]] = [:]
            for (order, label) in zip(group, labels) where label != SpatialDBSCAN.noise {
                clusters[label, default: []].append(order)
            }
            for label in clusters.keys.sorted() {
                hotspots.append(hotspot(of: clusters[label]!, previous: previous))
            }
        }
        return hotspots.sorted { left, right in
            if left.count != right.count { return left.count > right.count }
            return left.memberIDs[0] < right.memberIDs[0]
        }
    }

    private func hotspot(of members: [HotspotOrder], previous: [HotspotOrder]) -> Hotspot {
        let centroid = Self.centroid(of: members.map(\.location))
        let radius = members.map { centroid.distance(to: $0.location) }.max() ?? 0
        var tally: [String: Int] = [:]
        for member in members { tally[member.category, default: 0] += 1 }
        let categories = tally.map { Hotspot.CategoryCount(category: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.category < $1.category }
        let reach = radius + parameters.radiusMeters
        let previousCount = previous.lazy.filter {
            tally[$0.category] != nil && centroid.distance(to: $0.location) <= reach
        }.count
        return Hotspot(
            centroid: centroid, radiusMeters: radius, categories: categories,
            firstReceivedAt: members.first!.receivedAt, lastReceivedAt: members.last!.receivedAt,
            memberIDs: members.map(\.id), sampleIDs: members.suffix(parameters.sampleSize).reversed().map(\.id),
            previousCount: previousCount, trend: trend(count: members.count, previous: previousCount)
        )
    }

    private func trend(count: Int, previous: Int) -> Hotspot.Trend {
        let change = (Double(count) - Double(previous)) / Double(max(previous, 1))
        if change > parameters.trendThreshold { return .rising }
        if change < -parameters.trendThreshold { return .falling }
        return .steady
    }

    /// The mean of unit vectors, projected back: correct for clusters of any size on the sphere.
    static func centroid(of points: [GeoPoint]) -> GeoPoint {
        var x = 0.0, y = 0.0, z = 0.0
        for point in points {
            let latitude = point.lat * .pi / 180, longitude = point.lon * .pi / 180
            x += cos(latitude) * cos(longitude)
            y += cos(latitude) * sin(longitude)
            z += sin(latitude)
        }
        return GeoPoint(lon: atan2(y, x) * 180 / .pi, lat: atan2(z, (x * x + y * y).squareRoot()) * 180 / .pi)
    }
}
