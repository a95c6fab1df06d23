import Vapor
import Fluent
import LianxinCore

/// Grid boundaries in and out as GeoJSON: export of the grids in force in the user's division,
/// all-or-nothing import for administrators.
struct GridsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "grids")
        api.get(use: export)
        api.on(.POST, "import", body: .collect(maxSize: "256mb"), use: importGrids)
    }

    static func coordinates(_ req: Request) throws -> CoordinateSystem {
        let raw = try req.query.get(String?.self, at: "coordinates") ?? "wgs84"
        guard let system = CoordinateSystem(rawValue: raw) else {
            throw Problem.invalid(field: "/coordinates", "one of \(CoordinateSystem.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return system
    }

    /// The grids in force in the user's division, as a GeoJSON FeatureCollection.
    func export(req: Request) async throws -> Response {
        let principal = try await req.require(.viewDivisions)
        let (data, _) = try await GridImporter(app: req.application).export(under: principal.division.value, coordinates: try Self.coordinates(req))
        return Response(status: .ok, headers: ["Content-Type": "application/geo+json; charset=utf-8"], body: .init(data: data))
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
                Data(body.readableBytesView), coordinates: try Self.coordinates(req), replace: replace, actor: UsersController.actor(principal))
        } catch let problem as Problem {
            await req.audit(.gridsImported, result: .failure, target: "grids", detail: problem.detail)
            throw problem
        }
    }
}
