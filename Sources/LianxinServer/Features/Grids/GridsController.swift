import Vapor
import Fluent
import LianxinCore

/// Grid boundaries in and out as GeoJSON: export of the grids in force in the user's division,
/// all-or-nothing import for administrators.
struct GridsController: RouteCollection {
    /// The largest GeoJSON import read (`LIANXIN_IMPORT_GEOJSON_MB`).
    var geoJSONBytes = ExposureLimits().importGeoJSONBytes

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "grids")
        api.get(use: export)
        api.get("order-counts", use: orderCounts)
        api.grouped(ImportLimits.SizeCheck(bytes: geoJSONBytes))
            .on(.POST, "import", body: .collect(maxSize: ByteCount(integerLiteral: geoJSONBytes)), use: importGrids)
    }

    static func coordinates(_ req: Request) throws -> CoordinateSystem {
        let raw = try req.query.get(String?.self, at: "coordinates") ?? "wgs84"
        guard let system = CoordinateSystem(rawValue: raw) else {
            throw Problem.invalid(field: "/coordinates", "choose one of the options offered / 请从给出的选项中选择")
        }
        return system
    }

    /// The grids in force in the user's division, as a GeoJSON FeatureCollection.
    func export(req: Request) async throws -> Response {
        let principal = try await req.require(.viewDivisions)
        let (data, _) = try await GridImporter(app: req.application).export(under: principal.division.value, coordinates: try Self.coordinates(req))
        return Response(status: .ok, headers: ["Content-Type": "application/geo+json; charset=utf-8"], body: .init(data: data))
    }

    struct GridCount: Content {
        var gridCode: String
        /// The grid version (with `cut=filed`); nil with `cut=current`.
        var gridVersion: Int?
        var orders: Int
    }

    /// Orders per grid in the user's division over a period, cut either by the grid (and version)
    /// each order was filed in (`cut=filed`, the default) or by the grids in force now (`cut=current`,
    /// each located order placed again), so that a report survives a redrawing either way.
    func orderCounts(req: Request) async throws -> [GridCount] {
        let principal = try await req.require(.viewWorkOrders)
        let cut = try req.query.get(String?.self, at: "cut") ?? "filed"
        guard ["filed", "current"].contains(cut) else { throw Problem.invalid(field: "/cut", "filed or current") }
        let to = try req.query.get(Date?.self, at: "to") ?? req.lianxin.now()
        let from = try req.query.get(Date?.self, at: "from") ?? to.addingTimeInterval(-30 * 86_400)
        guard from < to, to.timeIntervalSince(from) <= 366 * 86_400 else {
            throw Problem.invalid(field: "/from", "a period of at most a year, from before to / 统计区间须不超过一年")
        }
        let query = WorkOrderLookup.scoped(principal, on: req.db).filter(\.$createdAt >= from).filter(\.$createdAt <= to)
        var counts: [String: GridCount] = [:]
        if cut == "filed" {
            for order in try await query.filter(\.$gridCode != nil).field(\.$id).field(\.$gridCode).field(\.$gridVersion).all() {
                guard let code = order.gridCode else { continue }
                let key = "\(code)#\(order.gridVersion ?? 0)"
                counts[key, default: GridCount(gridCode: code, gridVersion: order.gridVersion, orders: 0)].orders += 1
            }
        } else {
            let placement = try await ReferenceData.locator(req.lianxin.referenceCache, on: req.db)
            for order in try await query.filter(\.$latitude != nil).field(\.$id).field(\.$latitude).field(\.$longitude).all() {
                guard let lat = order.latitude, let lon = order.longitude, let grid = placement.path(at: GeoPoint(lon: lon, lat: lat))?.grid else {
                    continue
                }
                counts[grid, default: GridCount(gridCode: grid, gridVersion: nil, orders: 0)].orders += 1
            }
        }
        return counts.values.sorted { ($0.gridCode, $0.gridVersion ?? 0) < ($1.gridCode, $1.gridVersion ?? 0) }
    }

    /// Imports a GeoJSON FeatureCollection of grids (`?coordinates=gcj02` converts, `?replace=true`
    /// retires the file's communities' grids it leaves out).
    func importGrids(req: Request) async throws -> GridImportReport {
        let principal = try await req.require(.manageDivisions)
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw Problem.invalid(field: "/features", "send a GeoJSON FeatureCollection as the body / 请上传 GeoJSON")
        }
        let replace = try req.query.get(Bool?.self, at: "replace") ?? false
        do {
            return try await GridImporter(app: req.application).importGeoJSON(
                Data(body.readableBytesView), coordinates: try Self.coordinates(req), replace: replace, within: principal.division,
                actor: principal.auditActor)
        } catch let problem as Problem {
            await req.audit(.gridsImported, result: .failure, target: "grids", detail: problem.detail)
            throw problem
        }
    }
}
