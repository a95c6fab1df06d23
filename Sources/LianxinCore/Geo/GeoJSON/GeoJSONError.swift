/// Why a GeoJSON grid file was rejected, where (feature index and JSON path) and in words (zh/en).
public struct GeoJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Sendable, Hashable {
        /// The bytes are not JSON; the message carries the parser's complaint with line and column.
        case invalidJSON(String)
        /// The top level is not an object with `"type": "FeatureCollection"` and a `features` array.
        case notAFeatureCollection
        /// An element of `features` is not a `Feature` object.
        case notAFeature
        /// A feature has no geometry object.
        case missingGeometry
        /// The geometry type is neither Polygon nor MultiPolygon.
        case unknownGeometryType(String)
        /// A polygon or multi-polygon without rings, or coordinates of the wrong nesting.
        case badStructure
        /// A position is not two finite numbers inside the WGS84 ranges.
        case badCoordinate
        /// A ring has fewer than four positions.
        case tooFewPositions(count: Int)
        /// A ring's last position does not repeat its first.
        case unclosedRing
        /// A required property (such as the grid code) is missing or not text.
        case missingProperty(String)
    }

    /// What is wrong.
    public let reason: Reason
    /// Index of the offending feature in `features`, when the problem is inside one.
    public let featureIndex: Int?
    /// A JSON-path-like location, for example `$.features[3].geometry.coordinates[0][2]`.
    public let path: String

    /// Creates an error.
    public init(_ reason: Reason, featureIndex: Int?, path: String) {
        self.reason = reason
        self.featureIndex = featureIndex
        self.path = path
    }

    /// The message in English, with the location.
    public var englishMessage: String {
        let what: String
        switch reason {
        case .invalidJSON(let detail): what = "not valid JSON: \(detail)"
        case .notAFeatureCollection: what = "expected a GeoJSON FeatureCollection with a \"features\" array"
        case .notAFeature: what = "expected a GeoJSON Feature object"
        case .missingGeometry: what = "the feature has no geometry"
        case .unknownGeometryType(let type): what = "geometry type \"\(type)\" is not supported; use Polygon or MultiPolygon"
        case .badStructure: what = "coordinates are not nested as the geometry type requires"
        case .badCoordinate: what = "a position must be [longitude, latitude] with longitude in −180…180 and latitude in −90…90"
        case .tooFewPositions(let count): what = "a ring needs at least 4 positions, this one has \(count)"
        case .unclosedRing: what = "the ring is not closed: its last position must repeat its first"
        case .missingProperty(let name): what = "required property \"\(name)\" is missing or not text"
        }
        return "\(path): \(what)"
    }

    /// The message in Chinese, with the location.
    public var chineseMessage: String {
        let what: String
        switch reason {
        case .invalidJSON(let detail): what = "不是有效的 JSON：\(detail)"
        case .notAFeatureCollection: what = "应为含 \"features\" 数组的 GeoJSON FeatureCollection"
        case .notAFeature: what = "应为 GeoJSON Feature 对象"
        case .missingGeometry: what = "要素缺少几何图形"
        case .unknownGeometryType(let type): what = "不支持的几何类型“\(type)”，请使用 Polygon 或 MultiPolygon"
        case .badStructure: what = "坐标的嵌套层级与几何类型不符"
        case .badCoordinate: what = "坐标应为 [经度, 纬度]，经度在 −180 至 180 之间，纬度在 −90 至 90 之间"
        case .tooFewPositions(let count): what = "环至少需要 4 个坐标点，此环只有 \(count) 个"
        case .unclosedRing: what = "环未闭合：最后一个坐标点必须与第一个相同"
        case .missingProperty(let name): what = "缺少必填属性“\(name)”或其值不是文本"
        }
        return "\(path)：\(what)"
    }

    public var description: String { englishMessage }
}
