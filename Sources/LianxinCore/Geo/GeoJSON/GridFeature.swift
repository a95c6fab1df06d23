/// One area feature of a grid file: code, name, parent division code, geometry and other properties.
public struct GridFeature: Sendable, Hashable {
    /// The grid's code (by default the 12-digit community code plus a 3-digit serial).
    public var code: String
    /// The display name, when given.
    public var name: String?
    /// The parent division's code (the community or village), when given.
    public var parentCode: String?
    /// The area, in WGS84.
    public var geometry: AreaGeometry
    /// Any other properties, passed through unchanged.
    public var properties: [String: GeoJSONValue]

    /// Creates a feature.
    public init(
        code: String, name: String? = nil, parentCode: String? = nil,
        geometry: AreaGeometry, properties: [String: GeoJSONValue] = [:]
    ) {
        self.code = code
        self.name = name
        self.parentCode = parentCode
        self.geometry = geometry
        self.properties = properties
    }
}
