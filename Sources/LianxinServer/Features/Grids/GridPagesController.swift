import Vapor
import Fluent
import LianxinCore

/// Grid pages: the SVG grid map (our own drawing of the polygons; pan, zoom, click for a grid's
/// card), a grid's households with their tags, a grid member's visits due today and the visit form.
struct GridPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("grid-map", use: map)
        routes.get("grid-map", ":code", "card", use: card)
        routes.get("grid-map", ":code", use: households)
        routes.get("grid-map", ":code", "staff", use: staffPage)
        routes.post("grid-map", ":code", "staff", use: assignStaff)
        routes.post("grid-map", ":code", "staff", ":id", "end", use: endStaff)
        routes.get("my-visits", use: visitsDue)
        routes.get("visits", "new", use: visitForm)
        routes.post("visits", "new", use: recordVisit)
    }

    struct MapModel: Encodable, Sendable {
        let map: GridMapModel
        let legend: [String]
    }

    /// The grids of the user's division, shaded by their open orders.
    func map(req: Request) async throws -> Response {
        let principal = try await req.require(.viewDivisions)
        let base = try await GridMapCache.map(of: principal.division, req)
        let counts = try await GridQueries.openOrderCounts(within: principal.division, on: req.db)
        let shaded = base.shapes.map { shape in
            let n = counts[shape.code] ?? 0
            return GridMapModel.Shape(
                code: shape.code, name: shape.name, community: shape.community, path: shape.path,
                labelX: shape.labelX, labelY: shape.labelY, labelSize: shape.labelSize, level: n == 0 ? 0 : n < 3 ? 1 : n < 6 ? 2 : n < 10 ? 3 : 4)
        }
        let projection = SVGMapProjection(
            minLon: base.minLon, maxLat: base.maxLat, scale: base.scale, lonFactor: base.lonFactor, width: Double(base.width),
            height: Double(base.height))
        let tracks = try await PatrolQueries.mapTracks(principal, projection: projection, now: req.lianxin.now(), on: req)
        let model = MapModel(
            map: GridMapModel(
                width: base.width, height: base.height, minLon: base.minLon, maxLat: base.maxLat,
                scale: base.scale, lonFactor: base.lonFactor, shapes: shaded, basemap: base.basemap, isEmpty: base.isEmpty, tracks: tracks),
            legend: ["0", "1–2", "3–5", "6–9", "10+"])
        return try await req.page("grids/grid-map", title: "wb_grid_map", model: model)
    }
}
