/// One thing of the county's base layer (底图): a named road or river drawn as lines, or a landmark point.
public struct BasemapItem: Sendable, Hashable {
    /// What the item is; decides how the map draws it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case road, river, landmark
    }

    /// The item's shape: lines (one or more polylines) or a single point.
    public enum Shape: Sendable, Hashable {
        case lines([[GeoPoint]])
        case point(GeoPoint)
    }

    public let kind: Kind
    public let name: String
    public let shape: Shape

    /// Creates an item.
    public init(kind: Kind, name: String, shape: Shape) {
        self.kind = kind
        self.name = name
        self.shape = shape
    }

    /// Every position of the item.
    public var points: [GeoPoint] {
        switch shape {
        case .lines(let lines): return lines.flatMap { $0 }
        case .point(let point): return [point]
        }
    }

    /// The smallest box holding the item.
    public var boundingBox: BoundingBox {
        let all = points
        return BoundingBox(
            minLon: all.map(\.lon).min() ?? 0, minLat: all.map(\.lat).min() ?? 0,
            maxLon: all.map(\.lon).max() ?? 0, maxLat: all.map(\.lat).max() ?? 0)
    }
}
