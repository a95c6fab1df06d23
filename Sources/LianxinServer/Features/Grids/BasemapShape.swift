import Fluent
import Foundation
import LianxinCore

/// One road, river or landmark of the county's base layer (底图), imported by an admin and drawn under the grids.
final class BasemapShape: Model, @unchecked Sendable {
    static let schema = "basemap_shapes"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    /// GeoJSON geometry (Point or MultiLineString, WGS84).
    @Field(key: "geometry") var geometry: String
    @Field(key: "min_lon") var minLon: Double
    @Field(key: "min_lat") var minLat: Double
    @Field(key: "max_lon") var maxLon: Double
    @Field(key: "max_lat") var maxLat: Double
    @Field(key: "imported_at") var importedAt: Date

    init() {}

    init(_ item: BasemapItem, at now: Date) {
        let box = item.boundingBox
        kind = item.kind.rawValue
        name = item.name
        geometry = BasemapGeometry.text(item.shape)
        (minLon, minLat, maxLon, maxLat) = (box.minLon, box.minLat, box.maxLon, box.maxLat)
        importedAt = now
    }
}
