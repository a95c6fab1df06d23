import Fluent
import Foundation

/// 网格: the smallest management unit inside a community, a polygon. Versioned: a change makes a
/// new version and never rewrites the old one. Demo grids are generated and say so.
final class Grid: Model, @unchecked Sendable {
    static let schema = "grids"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "version") var version: Int
    @Field(key: "name") var name: String
    @Field(key: "community_code") var communityCode: String
    /// The grid as a GeoJSON FeatureCollection with one feature (WGS84).
    @Field(key: "geometry") var geometry: String
    @Field(key: "generated") var generated: Bool
    @Field(key: "valid_from") var validFrom: Date
    @OptionalField(key: "valid_to") var validTo: Date?

    init() {}
}
