import Foundation

/// One problem found in a grid import, tied to a feature, with a message in Chinese and English.
public struct GridValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// Which ring of a feature: part `polygon` of a multi-polygon (0 for a polygon), ring 0 the outer ring, 1… the holes.
    public struct RingLocation: Sendable, Hashable {
        /// Index of the part.
        public var polygon: Int
        /// Index of the ring within the part.
        public var ring: Int

        /// Creates a location.
        public init(polygon: Int, ring: Int) {
            self.polygon = polygon
            self.ring = ring
        }
    }

    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// A ring has fewer than four positions (three distinct vertices and the closing repeat).
        case tooFewPositions(RingLocation, count: Int)
        /// A ring's last position does not repeat its first.
        case unclosedRing(RingLocation)
        /// Edges of the feature's rings cross or touch (other than neighbours sharing their vertex).
        case selfIntersection(near: GeoPoint)
        /// The feature's interior overlaps a sibling grid (same parent) by more than the tolerance.
        case overlap(otherCode: String, otherIndex: Int, squareMetres: Double)
        /// Part of the feature lies outside its community's polygon, by more than the tolerance.
        case outsideCommunity(communityCode: String, squareMetres: Double)
        /// Another feature already has this code.
        case duplicateCode(firstIndex: Int)
    }

    /// The offending grid's code.
    public var code: String
    /// The offending feature's index in the import.
    public var featureIndex: Int
    /// What is wrong.
    public var kind: Kind

    /// Creates an issue.
    public init(code: String, featureIndex: Int, kind: Kind) {
        self.code = code
        self.featureIndex = featureIndex
        self.kind = kind
    }

    /// The message in English.
    public var englishMessage: String {
        let subject = "Grid \(code) (feature \(featureIndex))"
        switch kind {
        case .tooFewPositions(let location, let count):
            return "\(subject): ring \(location.ring) of part \(location.polygon) has \(count) positions; at least 4 are needed"
        case .unclosedRing(let location):
            return "\(subject): ring \(location.ring) of part \(location.polygon) is not closed"
        case .selfIntersection(let point):
            return "\(subject): its boundary crosses or touches itself near \(GridValidationIssue.format(point))"
        case .overlap(let other, let index, let area):
            return "\(subject) overlaps grid \(other) (feature \(index)) by \(GridValidationIssue.format(area)) m²"
        case .outsideCommunity(let community, let area):
            return "\(subject): \(GridValidationIssue.format(area)) m² lie outside community \(community)"
        case .duplicateCode(let first):
            return "\(subject): the code is already used by feature \(first)"
        }
    }

    /// The message in Chinese.
    public var chineseMessage: String {
        let subject = "网格 \(code)（第 \(featureIndex) 个要素）"
        switch kind {
        case .tooFewPositions(let location, let count):
            return "\(subject)：第 \(location.polygon) 部分的第 \(location.ring) 个环只有 \(count) 个坐标点，至少需要 4 个"
        case .unclosedRing(let location):
            return "\(subject)：第 \(location.polygon) 部分的第 \(location.ring) 个环未闭合"
        case .selfIntersection(let point):
            return "\(subject)：边界在 \(GridValidationIssue.format(point)) 附近自相交或自接触"
        case .overlap(let other, let index, let area):
            return "\(subject)与网格 \(other)（第 \(index) 个要素）重叠 \(GridValidationIssue.format(area)) 平方米"
        case .outsideCommunity(let community, let area):
            return "\(subject)：有 \(GridValidationIssue.format(area)) 平方米超出所属社区 \(community) 的范围"
        case .duplicateCode(let first):
            return "\(subject)：编码已被第 \(first) 个要素使用"
        }
    }

    public var description: String { englishMessage }

    private static func format(_ point: GeoPoint) -> String {
        String(format: "(%.6f, %.6f)", point.lon, point.lat)
    }

    private static func format(_ area: Double) -> String {
        String(format: "%.1f", area)
    }
}
