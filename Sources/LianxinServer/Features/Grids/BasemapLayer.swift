import Fluent
import Foundation
import LianxinCore

/// The county's base layer as a map draws it with our own SVG: road and river lines with their names
/// along them, landmarks as named dots. Empty until an admin imports one (`lianxin import basemap`).
struct BasemapLayer: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        let kind: String
        let name: String
        let path: String
        let labelX: String
        let labelY: String
        let angle: String
    }

    struct Landmark: Encodable, Sendable {
        let name: String
        let x: String
        let y: String
    }

    let lines: [Line]
    let landmarks: [Landmark]

    static let empty = BasemapLayer(lines: [], landmarks: [])

    /// The items that reach into `box`, projected by `map`.
    static func load(in box: BoundingBox, map: SVGMapProjection, on db: any Database) async throws -> BasemapLayer {
        let rows = try await BasemapShape.query(on: db)
            .filter(\.$maxLon >= box.minLon).filter(\.$minLon <= box.maxLon)
            .filter(\.$maxLat >= box.minLat).filter(\.$minLat <= box.maxLat)
            .sort(\.$kind).sort(\.$name).limit(5000).all()
        var lines: [Line] = [], landmarks: [Landmark] = []
        for row in rows {
            switch BasemapGeometry.shape(text: row.geometry) {
            case .lines(let parts)?:
                let anchor = map.labelAnchor(parts) ?? (0, 0, 0)
                lines.append(
                    Line(
                        kind: row.kind, name: row.name, path: map.linePath(parts), labelX: SVGMapProjection.number(anchor.x),
                        labelY: SVGMapProjection.number(anchor.y), angle: SVGMapProjection.number(anchor.angle)))
            case .point(let point)?:
                let (x, y) = map.project(point)
                landmarks.append(Landmark(name: row.name, x: SVGMapProjection.number(x), y: SVGMapProjection.number(y)))
            case nil: continue
            }
        }
        return BasemapLayer(lines: lines, landmarks: landmarks)
    }
}
