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

/// Which property names carry a feature's code, name and parent code; the first present name wins.
public struct GridPropertyKeys: Sendable, Hashable {
    /// Names for the grid code, tried in order.
    public var code: [String]
    /// Names for the display name, tried in order.
    public var name: [String]
    /// Names for the parent (community) code, tried in order.
    public var parent: [String]

    /// Creates a key set; writing uses the first name of each list.
    public init(code: [String] = ["code"], name: [String] = ["name"], parent: [String] = ["parent", "communityCode"]) {
        self.code = code
        self.name = name
        self.parent = parent
    }
}
