import Fluent
import Foundation
import LianxinCore

/// A made-up base layer for the demo: named roads across 信州区's outline, a river and a few
/// landmarks, so the demo maps show streets. Not real roads; a county imports its own with `lianxin import basemap`.
enum DemoBasemap {
    /// Adds the demo layer when no base layer is held; returns how many items were added.
    static func seed(county: String, resourcesDirectory: String, on db: any Database, now: Date) async throws -> Int {
        guard try await BasemapShape.query(on: db).count() == 0 else { return 0 }
        let path = (resourcesDirectory as NSString).appendingPathComponent("Data/boundary-\(county).geojson")
        guard let data = FileManager.default.contents(atPath: path), let outline = try GeoJSONReader().read(data).first?.geometry,
            let box = outline.boundingBox
        else { return 0 }
        let layer = items(in: box)
        try await db.transaction { tx in
            for item in layer { try await BasemapShape(item, at: now).create(on: tx) }
        }
        return layer.count
    }

    /// Roads on a loose lattice over `box`, a river across it and landmarks near its middle.
    static func items(in box: BoundingBox) -> [BasemapItem] {
        func at(_ x: Double, _ y: Double) -> GeoPoint {
            GeoPoint(lon: box.minLon + (box.maxLon - box.minLon) * x, lat: box.minLat + (box.maxLat - box.minLat) * y)
        }
        let eastWest = [("人民路", 0.62), ("中山路", 0.45), ("解放路", 0.3)]
        let northSouth = [("胜利路", 0.35), ("五三大道", 0.52), ("凤凰大道", 0.7)]
        var items = eastWest.map { name, y in BasemapItem(kind: .road, name: name, shape: .lines([[at(0.08, y), at(0.5, y + 0.02), at(0.92, y)]])) }
        items += northSouth.map { name, x in BasemapItem(kind: .road, name: name, shape: .lines([[at(x, 0.1), at(x + 0.02, 0.5), at(x, 0.9)]])) }
        items.append(BasemapItem(kind: .river, name: "信江", shape: .lines([[at(0.0, 0.2), at(0.3, 0.16), at(0.6, 0.22), at(1.0, 0.18)]])))
        items += [("市民服务中心", 0.44, 0.47), ("人民公园", 0.58, 0.6), ("中心医院", 0.37, 0.33)].map { name, x, y in
            BasemapItem(kind: .landmark, name: name, shape: .point(at(x, y)))
        }
        return items
    }
}
