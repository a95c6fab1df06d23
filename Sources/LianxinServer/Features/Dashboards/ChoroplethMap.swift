import Vapor
import Fluent
import Foundation
import LianxinCore

/// The choropleth of the dashboard, drawn server-side as SVG paths from the grid polygons in force: above a
/// community each grid is shaded by its community's orders (a community map made of its grids), within a community
/// by the grid's own orders. Five shades split the range from zero to the largest count.
enum ChoroplethMap {
    struct Drawing {
        var areas: [MapArea]
        var viewBox: String
        var legend: [String]
    }

    static let width = 480.0
    static let maximumGrids = 3_000

    static func build(_ req: Request, request: DashboardRequest, data: DashboardDTO, english: Bool) async throws -> Drawing {
        let scope = request.division
        let grids = try await Grid.query(on: req.db).filter(\.$validTo == nil)
            .within(\.$communityCode, scope).sort(\.$code).limit(maximumGrids).all()
        guard !grids.isEmpty else { return Drawing(areas: [], viewBox: "0 0 \(Int(width)) 10", legend: []) }
        let byGrid = scope.level == .community
        let totals = try await DashboardQueries.totals(request.cut, by: byGrid ? "grid" : "community", on: req.db)
        let reader = GeoJSONReader()
        var shapes: [(grid: Grid, geometry: AreaGeometry)] = []
        for grid in grids {
            guard let feature = try? reader.read(Data(grid.geometry.utf8)).first else { continue }
            shapes.append((grid, feature.geometry))
        }
        let boxes = shapes.compactMap(\.geometry.boundingBox)
        guard let minLon = boxes.map(\.minLon).min(), let maxLon = boxes.map(\.maxLon).max(),
            let minLat = boxes.map(\.minLat).min(), let maxLat = boxes.map(\.maxLat).max()
        else {
            return Drawing(areas: [], viewBox: "0 0 \(Int(width)) 10", legend: [])
        }
        let lonFactor = max(0.01, cos((minLat + maxLat) / 2 * .pi / 180))
        let scale = width / max((maxLon - minLon) * lonFactor, 1e-9)
        let height = max(10, ((maxLat - minLat) * scale).rounded(.up))
        func point(_ position: GeoPoint) -> String {
            let x = (position.lon - minLon) * lonFactor * scale, y = (maxLat - position.lat) * scale
            return String(format: "%.1f,%.1f", x, y)
        }
        let top = max(1, totals.values.map(\.received).max() ?? 0)
        let areas = shapes.map { grid, geometry -> MapArea in
            let key = byGrid ? grid.code : grid.communityCode
            let count = totals[key]?.received ?? 0
            let shade = count == 0 ? 0 : min(4, 1 + (count - 1) * 4 / top)
            let d = geometry.rings.map { ring in "M" + ring.vertices.map(point).joined(separator: "L") + "Z" }.joined()
            var place = request.cut
            if byGrid { place.grid = grid.code } else { place.division = DivisionCode(grid.communityCode) }
            let unit = english ? "orders" : "件"
            return MapArea(
                d: d, shade: shade, title: "\(grid.name) (\(key)): \(count) \(unit)",
                href: byGrid
                    ? "/dashboard/grids/\(grid.code)?period=\(request.cut.period)"
                    : "/dashboard?division=\(grid.communityCode)&period=\(request.cut.period)")
        }
        let bounds = (0...4).map { shade -> String in
            if shade == 0 { return "0" }
            let low = (shade - 1) * top / 4 + 1, high = shade == 4 ? top : shade * top / 4
            return low >= high ? "\(high)" : "\(low)–\(high)"
        }
        return Drawing(areas: areas, viewBox: "0 0 \(Int(width)) \(Int(height))", legend: bounds)
    }
}
